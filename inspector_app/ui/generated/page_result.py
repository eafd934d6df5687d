# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'page_result.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QLabel,
    QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ResultPage(object):
    def setupUi(self, ResultPage):
        if not ResultPage.objectName():
            ResultPage.setObjectName(u"ResultPage")
        self.pageLayout = QVBoxLayout(ResultPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.overallLabel = QLabel(ResultPage)
        self.overallLabel.setObjectName(u"overallLabel")
        self.overallLabel.setAlignment(Qt.AlignCenter)
        self.overallLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.overallLabel)

        self.roomsTable = QTableWidget(ResultPage)
        if (self.roomsTable.columnCount() < 6):
            self.roomsTable.setColumnCount(6)
        __qtablewidgetitem = QTableWidgetItem()
        self.roomsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.roomsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.roomsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.roomsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.roomsTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.roomsTable.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        self.roomsTable.setObjectName(u"roomsTable")
        self.roomsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.roomsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.roomsTable.setColumnCount(6)

        self.pageLayout.addWidget(self.roomsTable)

        self.lowestLabel = QLabel(ResultPage)
        self.lowestLabel.setObjectName(u"lowestLabel")
        self.lowestLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.lowestLabel)

        self.refundLabel = QLabel(ResultPage)
        self.refundLabel.setObjectName(u"refundLabel")
        self.refundLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.refundLabel)

        self.notesLabel = QLabel(ResultPage)
        self.notesLabel.setObjectName(u"notesLabel")
        self.notesLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.notesLabel)


        self.retranslateUi(ResultPage)

        QMetaObject.connectSlotsByName(ResultPage)
    # setupUi

    def retranslateUi(self, ResultPage):
        ___qtablewidgetitem = self.roomsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ResultPage", u"Room", None))
        ___qtablewidgetitem1 = self.roomsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ResultPage", u"Area", None))
        ___qtablewidgetitem2 = self.roomsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ResultPage", u"Point means", None))
        ___qtablewidgetitem3 = self.roomsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ResultPage", u"Room mean", None))
        ___qtablewidgetitem4 = self.roomsTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ResultPage", u"Verdict", None))
        ___qtablewidgetitem5 = self.roomsTable.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("ResultPage", u"Refund per day", None))
        pass
    # retranslateUi

