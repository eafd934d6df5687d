# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'page_rooms.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDoubleSpinBox,
    QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from inspector_app.ui.widgets.placement import PlacementView

class Ui_RoomsPage(object):
    def setupUi(self, RoomsPage):
        if not RoomsPage.objectName():
            RoomsPage.setObjectName(u"RoomsPage")
        self.pageLayout = QHBoxLayout(RoomsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.listColumn = QVBoxLayout()
        self.listColumn.setObjectName(u"listColumn")
        self.addBox = QGroupBox(RoomsPage)
        self.addBox.setObjectName(u"addBox")
        self.addForm = QFormLayout(self.addBox)
        self.addForm.setObjectName(u"addForm")
        self.kindLabel = QLabel(self.addBox)
        self.kindLabel.setObjectName(u"kindLabel")

        self.addForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.addBox)
        self.kindCombo.setObjectName(u"kindCombo")

        self.addForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.nameLabel = QLabel(self.addBox)
        self.nameLabel.setObjectName(u"nameLabel")

        self.addForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.addBox)
        self.nameEdit.setObjectName(u"nameEdit")

        self.addForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.areaLabel = QLabel(self.addBox)
        self.areaLabel.setObjectName(u"areaLabel")

        self.addForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.areaLabel)

        self.areaSpin = QDoubleSpinBox(self.addBox)
        self.areaSpin.setObjectName(u"areaSpin")
        self.areaSpin.setDecimals(1)
        self.areaSpin.setMinimum(0.000000000000000)
        self.areaSpin.setMaximum(99999.899999999994179)
        self.areaSpin.setSuffix(u" m\u00b2")

        self.addForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.areaSpin)

        self.roomError = QLabel(self.addBox)
        self.roomError.setObjectName(u"roomError")
        self.roomError.setWordWrap(True)

        self.addForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.roomError)

        self.roomButtons = QHBoxLayout()
        self.roomButtons.setObjectName(u"roomButtons")
        self.addRoomButton = QPushButton(self.addBox)
        self.addRoomButton.setObjectName(u"addRoomButton")

        self.roomButtons.addWidget(self.addRoomButton)

        self.saveRoomButton = QPushButton(self.addBox)
        self.saveRoomButton.setObjectName(u"saveRoomButton")

        self.roomButtons.addWidget(self.saveRoomButton)

        self.deleteRoomButton = QPushButton(self.addBox)
        self.deleteRoomButton.setObjectName(u"deleteRoomButton")

        self.roomButtons.addWidget(self.deleteRoomButton)


        self.addForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.roomButtons)


        self.listColumn.addWidget(self.addBox)

        self.roomsTable = QTableWidget(RoomsPage)
        if (self.roomsTable.columnCount() < 4):
            self.roomsTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.roomsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.roomsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.roomsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.roomsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.roomsTable.setObjectName(u"roomsTable")
        self.roomsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.roomsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.roomsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.roomsTable.setColumnCount(4)

        self.listColumn.addWidget(self.roomsTable)


        self.pageLayout.addLayout(self.listColumn)

        self.placementBox = QGroupBox(RoomsPage)
        self.placementBox.setObjectName(u"placementBox")
        self.placementLayout = QVBoxLayout(self.placementBox)
        self.placementLayout.setObjectName(u"placementLayout")
        self.placementView = PlacementView(self.placementBox)
        self.placementView.setObjectName(u"placementView")
        self.placementView.setMinimumSize(QSize(360, 280))

        self.placementLayout.addWidget(self.placementView)

        self.placementText = QLabel(self.placementBox)
        self.placementText.setObjectName(u"placementText")
        self.placementText.setWordWrap(True)

        self.placementLayout.addWidget(self.placementText)


        self.pageLayout.addWidget(self.placementBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.areaLabel.setBuddy(self.areaSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.areaSpin)
        QWidget.setTabOrder(self.areaSpin, self.addRoomButton)
        QWidget.setTabOrder(self.addRoomButton, self.saveRoomButton)
        QWidget.setTabOrder(self.saveRoomButton, self.deleteRoomButton)
        QWidget.setTabOrder(self.deleteRoomButton, self.roomsTable)

        self.retranslateUi(RoomsPage)

        QMetaObject.connectSlotsByName(RoomsPage)
    # setupUi

    def retranslateUi(self, RoomsPage):
        self.addBox.setTitle(QCoreApplication.translate("RoomsPage", u"Add a room", None))
        self.kindLabel.setText(QCoreApplication.translate("RoomsPage", u"&Kind", None))
        self.nameLabel.setText(QCoreApplication.translate("RoomsPage", u"Na&me", None))
        self.areaLabel.setText(QCoreApplication.translate("RoomsPage", u"&Area", None))
        self.addRoomButton.setText(QCoreApplication.translate("RoomsPage", u"A&dd room", None))
        self.saveRoomButton.setText(QCoreApplication.translate("RoomsPage", u"&Save changes", None))
        self.deleteRoomButton.setText(QCoreApplication.translate("RoomsPage", u"Delete &room", None))
        ___qtablewidgetitem = self.roomsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("RoomsPage", u"Room", None))
        ___qtablewidgetitem1 = self.roomsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("RoomsPage", u"Kind", None))
        ___qtablewidgetitem2 = self.roomsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("RoomsPage", u"Area", None))
        ___qtablewidgetitem3 = self.roomsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("RoomsPage", u"Points", None))
        self.placementBox.setTitle(QCoreApplication.translate("RoomsPage", u"Where to place the stand", None))
        pass
    # retranslateUi

