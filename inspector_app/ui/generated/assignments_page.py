# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assignments_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_AssignmentsPage(object):
    def setupUi(self, AssignmentsPage):
        if not AssignmentsPage.objectName():
            AssignmentsPage.setObjectName(u"AssignmentsPage")
        self.layout = QVBoxLayout(AssignmentsPage)
        self.layout.setObjectName(u"layout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(AssignmentsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.syncAgeLabel = QLabel(AssignmentsPage)
        self.syncAgeLabel.setObjectName(u"syncAgeLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.syncAgeLabel.sizePolicy().hasHeightForWidth())
        self.syncAgeLabel.setSizePolicy(sizePolicy)

        self.headerLayout.addWidget(self.syncAgeLabel)

        self.syncButton = QPushButton(AssignmentsPage)
        self.syncButton.setObjectName(u"syncButton")

        self.headerLayout.addWidget(self.syncButton)

        self.recordsButton = QPushButton(AssignmentsPage)
        self.recordsButton.setObjectName(u"recordsButton")

        self.headerLayout.addWidget(self.recordsButton)


        self.layout.addLayout(self.headerLayout)

        self.table = QTableWidget(AssignmentsPage)
        if (self.table.columnCount() < 7):
            self.table.setColumnCount(7)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(6, __qtablewidgetitem6)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setColumnCount(7)

        self.layout.addWidget(self.table)

        self.messageLabel = QLabel(AssignmentsPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.layout.addWidget(self.messageLabel)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.contactButton = QPushButton(AssignmentsPage)
        self.contactButton.setObjectName(u"contactButton")

        self.actionsLayout.addWidget(self.contactButton)

        self.attemptButton = QPushButton(AssignmentsPage)
        self.attemptButton.setObjectName(u"attemptButton")

        self.actionsLayout.addWidget(self.attemptButton)

        self.agreeButton = QPushButton(AssignmentsPage)
        self.agreeButton.setObjectName(u"agreeButton")

        self.actionsLayout.addWidget(self.agreeButton)

        self.unreachableButton = QPushButton(AssignmentsPage)
        self.unreachableButton.setObjectName(u"unreachableButton")

        self.actionsLayout.addWidget(self.unreachableButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.startButton = QPushButton(AssignmentsPage)
        self.startButton.setObjectName(u"startButton")

        self.actionsLayout.addWidget(self.startButton)


        self.layout.addLayout(self.actionsLayout)


        self.retranslateUi(AssignmentsPage)

        QMetaObject.connectSlotsByName(AssignmentsPage)
    # setupUi

    def retranslateUi(self, AssignmentsPage):
        self.titleLabel.setText(QCoreApplication.translate("AssignmentsPage", u"Assignments", None))
        self.syncButton.setText(QCoreApplication.translate("AssignmentsPage", u"&Sync now", None))
        self.recordsButton.setText(QCoreApplication.translate("AssignmentsPage", u"&Records", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("AssignmentsPage", u"Ticket", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("AssignmentsPage", u"Address", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("AssignmentsPage", u"Resident", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("AssignmentsPage", u"Complaint time", None))
        ___qtablewidgetitem4 = self.table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("AssignmentsPage", u"Since complaint", None))
        ___qtablewidgetitem5 = self.table.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("AssignmentsPage", u"State", None))
        ___qtablewidgetitem6 = self.table.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("AssignmentsPage", u"Notes", None))
        self.contactButton.setText(QCoreApplication.translate("AssignmentsPage", u"Contacte&d\u2026", None))
        self.attemptButton.setText(QCoreApplication.translate("AssignmentsPage", u"&Failed attempt\u2026", None))
        self.agreeButton.setText(QCoreApplication.translate("AssignmentsPage", u"A&gree visit time\u2026", None))
        self.unreachableButton.setText(QCoreApplication.translate("AssignmentsPage", u"&Unreachable\u2026", None))
        self.startButton.setText(QCoreApplication.translate("AssignmentsPage", u"St&art visit", None))
        pass
    # retranslateUi

