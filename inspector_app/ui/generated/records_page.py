# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'records_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_RecordsPage(object):
    def setupUi(self, RecordsPage):
        if not RecordsPage.objectName():
            RecordsPage.setObjectName(u"RecordsPage")
        self.layout = QVBoxLayout(RecordsPage)
        self.layout.setObjectName(u"layout")
        self.resumeBanner = QFrame(RecordsPage)
        self.resumeBanner.setObjectName(u"resumeBanner")
        self.resumeBanner.setFrameShape(QFrame.StyledPanel)
        self.resumeLayout = QHBoxLayout(self.resumeBanner)
        self.resumeLayout.setObjectName(u"resumeLayout")
        self.resumeLabel = QLabel(self.resumeBanner)
        self.resumeLabel.setObjectName(u"resumeLabel")
        self.resumeLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.resumeLabel.sizePolicy().hasHeightForWidth())
        self.resumeLabel.setSizePolicy(sizePolicy)

        self.resumeLayout.addWidget(self.resumeLabel)

        self.resumeButton = QPushButton(self.resumeBanner)
        self.resumeButton.setObjectName(u"resumeButton")

        self.resumeLayout.addWidget(self.resumeButton)

        self.laterButton = QPushButton(self.resumeBanner)
        self.laterButton.setObjectName(u"laterButton")

        self.resumeLayout.addWidget(self.laterButton)


        self.layout.addWidget(self.resumeBanner)

        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(RecordsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.assignmentsButton = QPushButton(RecordsPage)
        self.assignmentsButton.setObjectName(u"assignmentsButton")

        self.headerLayout.addWidget(self.assignmentsButton)

        self.newVisitButton = QPushButton(RecordsPage)
        self.newVisitButton.setObjectName(u"newVisitButton")

        self.headerLayout.addWidget(self.newVisitButton)


        self.layout.addLayout(self.headerLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.filterAll = QPushButton(RecordsPage)
        self.filterAll.setObjectName(u"filterAll")
        self.filterAll.setCheckable(True)
        self.filterAll.setChecked(True)

        self.filterLayout.addWidget(self.filterAll)

        self.filterInProgress = QPushButton(RecordsPage)
        self.filterInProgress.setObjectName(u"filterInProgress")
        self.filterInProgress.setCheckable(True)

        self.filterLayout.addWidget(self.filterInProgress)

        self.filterComplete = QPushButton(RecordsPage)
        self.filterComplete.setObjectName(u"filterComplete")
        self.filterComplete.setCheckable(True)

        self.filterLayout.addWidget(self.filterComplete)

        self.filterSealed = QPushButton(RecordsPage)
        self.filterSealed.setObjectName(u"filterSealed")
        self.filterSealed.setCheckable(True)

        self.filterLayout.addWidget(self.filterSealed)

        self.filterSynced = QPushButton(RecordsPage)
        self.filterSynced.setObjectName(u"filterSynced")
        self.filterSynced.setCheckable(True)

        self.filterLayout.addWidget(self.filterSynced)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)


        self.layout.addLayout(self.filterLayout)

        self.table = QTableWidget(RecordsPage)
        if (self.table.columnCount() < 6):
            self.table.setColumnCount(6)
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
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setColumnCount(6)

        self.layout.addWidget(self.table)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.openButton = QPushButton(RecordsPage)
        self.openButton.setObjectName(u"openButton")

        self.actionsLayout.addWidget(self.openButton)

        self.slipButton = QPushButton(RecordsPage)
        self.slipButton.setObjectName(u"slipButton")

        self.actionsLayout.addWidget(self.slipButton)

        self.correctButton = QPushButton(RecordsPage)
        self.correctButton.setObjectName(u"correctButton")

        self.actionsLayout.addWidget(self.correctButton)

        self.discardButton = QPushButton(RecordsPage)
        self.discardButton.setObjectName(u"discardButton")

        self.actionsLayout.addWidget(self.discardButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)


        self.layout.addLayout(self.actionsLayout)

        QWidget.setTabOrder(self.resumeButton, self.laterButton)
        QWidget.setTabOrder(self.laterButton, self.newVisitButton)
        QWidget.setTabOrder(self.newVisitButton, self.filterAll)
        QWidget.setTabOrder(self.filterAll, self.filterInProgress)
        QWidget.setTabOrder(self.filterInProgress, self.filterComplete)
        QWidget.setTabOrder(self.filterComplete, self.filterSealed)
        QWidget.setTabOrder(self.filterSealed, self.filterSynced)
        QWidget.setTabOrder(self.filterSynced, self.table)
        QWidget.setTabOrder(self.table, self.openButton)
        QWidget.setTabOrder(self.openButton, self.slipButton)
        QWidget.setTabOrder(self.slipButton, self.correctButton)
        QWidget.setTabOrder(self.correctButton, self.discardButton)

        self.retranslateUi(RecordsPage)

        QMetaObject.connectSlotsByName(RecordsPage)
    # setupUi

    def retranslateUi(self, RecordsPage):
        self.resumeButton.setText(QCoreApplication.translate("RecordsPage", u"&Resume this visit", None))
        self.laterButton.setText(QCoreApplication.translate("RecordsPage", u"Later", None))
        self.titleLabel.setText(QCoreApplication.translate("RecordsPage", u"Records", None))
        self.assignmentsButton.setText(QCoreApplication.translate("RecordsPage", u"&Assignments\u2026", None))
        self.newVisitButton.setText(QCoreApplication.translate("RecordsPage", u"&New visit", None))
        self.filterAll.setText(QCoreApplication.translate("RecordsPage", u"All", None))
        self.filterInProgress.setText(QCoreApplication.translate("RecordsPage", u"In progress", None))
        self.filterComplete.setText(QCoreApplication.translate("RecordsPage", u"Complete", None))
        self.filterSealed.setText(QCoreApplication.translate("RecordsPage", u"Sealed", None))
        self.filterSynced.setText(QCoreApplication.translate("RecordsPage", u"Synced", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("RecordsPage", u"State", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("RecordsPage", u"Created", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("RecordsPage", u"Ticket", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("RecordsPage", u"Address", None))
        ___qtablewidgetitem4 = self.table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("RecordsPage", u"Heating company", None))
        ___qtablewidgetitem5 = self.table.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("RecordsPage", u"Training", None))
        self.openButton.setText(QCoreApplication.translate("RecordsPage", u"&Open", None))
        self.slipButton.setText(QCoreApplication.translate("RecordsPage", u"&Slip\u2026", None))
        self.correctButton.setText(QCoreApplication.translate("RecordsPage", u"Corr&ection\u2026", None))
        self.discardButton.setText(QCoreApplication.translate("RecordsPage", u"&Discard draft\u2026", None))
        pass
    # retranslateUi

