# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervisor_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QMainWindow,
    QMenu, QMenuBar, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QStatusBar, QTabWidget,
    QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_SupervisorWindow(object):
    def setupUi(self, SupervisorWindow):
        if not SupervisorWindow.objectName():
            SupervisorWindow.setObjectName(u"SupervisorWindow")
        SupervisorWindow.resize(1400, 860)
        self.actionRefresh = QAction(SupervisorWindow)
        self.actionRefresh.setObjectName(u"actionRefresh")
        self.actionLogout = QAction(SupervisorWindow)
        self.actionLogout.setObjectName(u"actionLogout")
        self.central = QWidget(SupervisorWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QVBoxLayout(self.central)
        self.centralLayout.setObjectName(u"centralLayout")
        self.tabs = QTabWidget(self.central)
        self.tabs.setObjectName(u"tabs")
        self.recordsTab = QWidget()
        self.recordsTab.setObjectName(u"recordsTab")
        self.recordsLayout = QVBoxLayout(self.recordsTab)
        self.recordsLayout.setObjectName(u"recordsLayout")
        self.filterBox = QGroupBox(self.recordsTab)
        self.filterBox.setObjectName(u"filterBox")
        self.filterGrid = QGridLayout(self.filterBox)
        self.filterGrid.setObjectName(u"filterGrid")
        self.dateCheck = QCheckBox(self.filterBox)
        self.dateCheck.setObjectName(u"dateCheck")

        self.filterGrid.addWidget(self.dateCheck, 0, 0, 1, 1)

        self.dateFromEdit = QDateEdit(self.filterBox)
        self.dateFromEdit.setObjectName(u"dateFromEdit")
        self.dateFromEdit.setCalendarPopup(True)

        self.filterGrid.addWidget(self.dateFromEdit, 0, 1, 1, 1)

        self.dateToEdit = QDateEdit(self.filterBox)
        self.dateToEdit.setObjectName(u"dateToEdit")
        self.dateToEdit.setCalendarPopup(True)

        self.filterGrid.addWidget(self.dateToEdit, 0, 2, 1, 1)

        self.districtLabel = QLabel(self.filterBox)
        self.districtLabel.setObjectName(u"districtLabel")

        self.filterGrid.addWidget(self.districtLabel, 0, 3, 1, 1)

        self.districtEdit = QLineEdit(self.filterBox)
        self.districtEdit.setObjectName(u"districtEdit")

        self.filterGrid.addWidget(self.districtEdit, 0, 4, 1, 1)

        self.companyLabel = QLabel(self.filterBox)
        self.companyLabel.setObjectName(u"companyLabel")

        self.filterGrid.addWidget(self.companyLabel, 0, 5, 1, 1)

        self.companyEdit = QLineEdit(self.filterBox)
        self.companyEdit.setObjectName(u"companyEdit")

        self.filterGrid.addWidget(self.companyEdit, 0, 6, 1, 1)

        self.inspectorLabel = QLabel(self.filterBox)
        self.inspectorLabel.setObjectName(u"inspectorLabel")

        self.filterGrid.addWidget(self.inspectorLabel, 0, 7, 1, 1)

        self.inspectorEdit = QLineEdit(self.filterBox)
        self.inspectorEdit.setObjectName(u"inspectorEdit")

        self.filterGrid.addWidget(self.inspectorEdit, 0, 8, 1, 1)

        self.verdictLabel = QLabel(self.filterBox)
        self.verdictLabel.setObjectName(u"verdictLabel")

        self.filterGrid.addWidget(self.verdictLabel, 1, 0, 1, 1)

        self.verdictCombo = QComboBox(self.filterBox)
        self.verdictCombo.setObjectName(u"verdictCombo")

        self.filterGrid.addWidget(self.verdictCombo, 1, 1, 1, 1)

        self.reviewCombo = QComboBox(self.filterBox)
        self.reviewCombo.setObjectName(u"reviewCombo")

        self.filterGrid.addWidget(self.reviewCombo, 1, 2, 1, 1)

        self.ticketLabel = QLabel(self.filterBox)
        self.ticketLabel.setObjectName(u"ticketLabel")

        self.filterGrid.addWidget(self.ticketLabel, 1, 3, 1, 1)

        self.ticketEdit = QLineEdit(self.filterBox)
        self.ticketEdit.setObjectName(u"ticketEdit")

        self.filterGrid.addWidget(self.ticketEdit, 1, 4, 1, 1)

        self.addressLabel = QLabel(self.filterBox)
        self.addressLabel.setObjectName(u"addressLabel")

        self.filterGrid.addWidget(self.addressLabel, 1, 5, 1, 1)

        self.addressEdit = QLineEdit(self.filterBox)
        self.addressEdit.setObjectName(u"addressEdit")

        self.filterGrid.addWidget(self.addressEdit, 1, 6, 1, 1)

        self.kindRow = QHBoxLayout()
        self.kindRow.setObjectName(u"kindRow")
        self.trainingCombo = QComboBox(self.filterBox)
        self.trainingCombo.setObjectName(u"trainingCombo")

        self.kindRow.addWidget(self.trainingCombo)

        self.chainCombo = QComboBox(self.filterBox)
        self.chainCombo.setObjectName(u"chainCombo")

        self.kindRow.addWidget(self.chainCombo)


        self.filterGrid.addLayout(self.kindRow, 1, 7, 1, 1)

        self.filterButtons = QHBoxLayout()
        self.filterButtons.setObjectName(u"filterButtons")
        self.applyButton = QPushButton(self.filterBox)
        self.applyButton.setObjectName(u"applyButton")

        self.filterButtons.addWidget(self.applyButton)

        self.clearButton = QPushButton(self.filterBox)
        self.clearButton.setObjectName(u"clearButton")

        self.filterButtons.addWidget(self.clearButton)


        self.filterGrid.addLayout(self.filterButtons, 1, 8, 1, 1)


        self.recordsLayout.addWidget(self.filterBox)

        self.splitter = QSplitter(self.recordsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.listHost = QWidget(self.splitter)
        self.listHost.setObjectName(u"listHost")
        self.listLayout = QVBoxLayout(self.listHost)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView(self.listHost)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)

        self.listLayout.addWidget(self.table)

        self.listFooter = QHBoxLayout()
        self.listFooter.setObjectName(u"listFooter")
        self.countLabel = QLabel(self.listHost)
        self.countLabel.setObjectName(u"countLabel")

        self.listFooter.addWidget(self.countLabel)

        self.footerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.listFooter.addItem(self.footerSpacer)

        self.exportCsvButton = QPushButton(self.listHost)
        self.exportCsvButton.setObjectName(u"exportCsvButton")

        self.listFooter.addWidget(self.exportCsvButton)

        self.exportXlsxButton = QPushButton(self.listHost)
        self.exportXlsxButton.setObjectName(u"exportXlsxButton")

        self.listFooter.addWidget(self.exportXlsxButton)


        self.listLayout.addLayout(self.listFooter)

        self.splitter.addWidget(self.listHost)
        self.detailHost = QWidget(self.splitter)
        self.detailHost.setObjectName(u"detailHost")
        self.detailLayout = QVBoxLayout(self.detailHost)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.actionBox = QGroupBox(self.detailHost)
        self.actionBox.setObjectName(u"actionBox")
        self.actionGrid = QGridLayout(self.actionBox)
        self.actionGrid.setObjectName(u"actionGrid")
        self.stateCombo = QComboBox(self.actionBox)
        self.stateCombo.setObjectName(u"stateCombo")

        self.actionGrid.addWidget(self.stateCombo, 0, 0, 1, 1)

        self.commentEdit = QLineEdit(self.actionBox)
        self.commentEdit.setObjectName(u"commentEdit")

        self.actionGrid.addWidget(self.commentEdit, 0, 1, 1, 1)

        self.setStateButton = QPushButton(self.actionBox)
        self.setStateButton.setObjectName(u"setStateButton")

        self.actionGrid.addWidget(self.setStateButton, 0, 2, 1, 1)

        self.commentButton = QPushButton(self.actionBox)
        self.commentButton.setObjectName(u"commentButton")

        self.actionGrid.addWidget(self.commentButton, 0, 3, 1, 1)

        self.actionStatus = QLabel(self.actionBox)
        self.actionStatus.setObjectName(u"actionStatus")
        self.actionStatus.setWordWrap(True)

        self.actionGrid.addWidget(self.actionStatus, 1, 0, 1, 2)

        self.rulingButton = QPushButton(self.actionBox)
        self.rulingButton.setObjectName(u"rulingButton")

        self.actionGrid.addWidget(self.rulingButton, 1, 2, 1, 1)

        self.reprintButton = QPushButton(self.actionBox)
        self.reprintButton.setObjectName(u"reprintButton")

        self.actionGrid.addWidget(self.reprintButton, 1, 3, 1, 1)


        self.detailLayout.addWidget(self.actionBox)

        self.splitter.addWidget(self.detailHost)

        self.recordsLayout.addWidget(self.splitter)

        self.tabs.addTab(self.recordsTab, "")
        self.companiesTab = QWidget()
        self.companiesTab.setObjectName(u"companiesTab")
        self.companiesLayout = QVBoxLayout(self.companiesTab)
        self.companiesLayout.setObjectName(u"companiesLayout")
        self.seasonRow = QHBoxLayout()
        self.seasonRow.setObjectName(u"seasonRow")
        self.seasonLabel = QLabel(self.companiesTab)
        self.seasonLabel.setObjectName(u"seasonLabel")

        self.seasonRow.addWidget(self.seasonLabel)

        self.seasonCombo = QComboBox(self.companiesTab)
        self.seasonCombo.setObjectName(u"seasonCombo")

        self.seasonRow.addWidget(self.seasonCombo)

        self.statsButton = QPushButton(self.companiesTab)
        self.statsButton.setObjectName(u"statsButton")

        self.seasonRow.addWidget(self.statsButton)

        self.seasonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.seasonRow.addItem(self.seasonSpacer)

        self.statsStatus = QLabel(self.companiesTab)
        self.statsStatus.setObjectName(u"statsStatus")

        self.seasonRow.addWidget(self.statsStatus)


        self.companiesLayout.addLayout(self.seasonRow)

        self.companiesSplitter = QSplitter(self.companiesTab)
        self.companiesSplitter.setObjectName(u"companiesSplitter")
        self.companiesSplitter.setOrientation(Qt.Vertical)
        self.companiesTable = QTableWidget(self.companiesSplitter)
        self.companiesTable.setObjectName(u"companiesTable")
        self.companiesTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.companiesTable.setAlternatingRowColors(True)
        self.companiesTable.setSortingEnabled(True)
        self.companiesSplitter.addWidget(self.companiesTable)
        self.chartHost = QWidget(self.companiesSplitter)
        self.chartHost.setObjectName(u"chartHost")
        self.chartLayout = QVBoxLayout(self.chartHost)
        self.chartLayout.setObjectName(u"chartLayout")
        self.chartLayout.setContentsMargins(0, 0, 0, 0)
        self.companiesSplitter.addWidget(self.chartHost)

        self.companiesLayout.addWidget(self.companiesSplitter)

        self.tabs.addTab(self.companiesTab, "")

        self.centralLayout.addWidget(self.tabs)

        SupervisorWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(SupervisorWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuSession = QMenu(self.menubar)
        self.menuSession.setObjectName(u"menuSession")
        SupervisorWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(SupervisorWindow)
        self.statusbar.setObjectName(u"statusbar")
        SupervisorWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.districtLabel.setBuddy(self.districtEdit)
        self.companyLabel.setBuddy(self.companyEdit)
        self.inspectorLabel.setBuddy(self.inspectorEdit)
        self.verdictLabel.setBuddy(self.verdictCombo)
        self.ticketLabel.setBuddy(self.ticketEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.seasonLabel.setBuddy(self.seasonCombo)
#endif // QT_CONFIG(shortcut)

        self.menubar.addAction(self.menuSession.menuAction())
        self.menuSession.addAction(self.actionRefresh)
        self.menuSession.addAction(self.actionLogout)

        self.retranslateUi(SupervisorWindow)

        QMetaObject.connectSlotsByName(SupervisorWindow)
    # setupUi

    def retranslateUi(self, SupervisorWindow):
        SupervisorWindow.setWindowTitle(QCoreApplication.translate("SupervisorWindow", u"Supervisor review", None))
        self.actionRefresh.setText(QCoreApplication.translate("SupervisorWindow", u"&Reload", None))
#if QT_CONFIG(shortcut)
        self.actionRefresh.setShortcut(QCoreApplication.translate("SupervisorWindow", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.actionLogout.setText(QCoreApplication.translate("SupervisorWindow", u"&Log out and close", None))
        self.filterBox.setTitle(QCoreApplication.translate("SupervisorWindow", u"Filters (applied by the office)", None))
        self.dateCheck.setText(QCoreApplication.translate("SupervisorWindow", u"Test &date", None))
        self.dateFromEdit.setDisplayFormat(QCoreApplication.translate("SupervisorWindow", u"yyyy-MM-dd", None))
        self.dateToEdit.setDisplayFormat(QCoreApplication.translate("SupervisorWindow", u"yyyy-MM-dd", None))
        self.districtLabel.setText(QCoreApplication.translate("SupervisorWindow", u"District", None))
        self.companyLabel.setText(QCoreApplication.translate("SupervisorWindow", u"Company", None))
        self.inspectorLabel.setText(QCoreApplication.translate("SupervisorWindow", u"Inspector", None))
        self.verdictLabel.setText(QCoreApplication.translate("SupervisorWindow", u"Result", None))
        self.ticketLabel.setText(QCoreApplication.translate("SupervisorWindow", u"Ticket", None))
        self.addressLabel.setText(QCoreApplication.translate("SupervisorWindow", u"Address starts with", None))
        self.applyButton.setText(QCoreApplication.translate("SupervisorWindow", u"&Apply", None))
        self.clearButton.setText(QCoreApplication.translate("SupervisorWindow", u"C&lear", None))
        self.exportCsvButton.setText(QCoreApplication.translate("SupervisorWindow", u"E&xport CSV\u2026", None))
        self.exportXlsxButton.setText(QCoreApplication.translate("SupervisorWindow", u"Export spreads&heet\u2026", None))
        self.actionBox.setTitle(QCoreApplication.translate("SupervisorWindow", u"Review", None))
        self.commentEdit.setPlaceholderText(QCoreApplication.translate("SupervisorWindow", u"Comment (kept in the history with your name and the time)", None))
        self.setStateButton.setText(QCoreApplication.translate("SupervisorWindow", u"Set s&tate", None))
        self.commentButton.setText(QCoreApplication.translate("SupervisorWindow", u"Add co&mment", None))
        self.rulingButton.setText(QCoreApplication.translate("SupervisorWindow", u"Refund r&uling\u2026", None))
        self.reprintButton.setText(QCoreApplication.translate("SupervisorWindow", u"Re&print slip\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.recordsTab), QCoreApplication.translate("SupervisorWindow", u"&Records", None))
        self.seasonLabel.setText(QCoreApplication.translate("SupervisorWindow", u"Heating season", None))
        self.statsButton.setText(QCoreApplication.translate("SupervisorWindow", u"Re&fresh", None))
        self.tabs.setTabText(self.tabs.indexOf(self.companiesTab), QCoreApplication.translate("SupervisorWindow", u"C&ompanies", None))
        self.menuSession.setTitle(QCoreApplication.translate("SupervisorWindow", u"&Session", None))
    # retranslateUi

