# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
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
from PySide6.QtWidgets import (QApplication, QMainWindow, QMenu, QMenuBar,
    QSizePolicy, QStackedWidget, QStatusBar, QVBoxLayout,
    QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        MainWindow.setMinimumSize(QSize(960, 560))
        self.actionNewVisit = QAction(MainWindow)
        self.actionNewVisit.setObjectName(u"actionNewVisit")
#if QT_CONFIG(shortcut)
        self.actionNewVisit.setShortcut(u"Ctrl+N")
#endif // QT_CONFIG(shortcut)
        self.actionRecords = QAction(MainWindow)
        self.actionRecords.setObjectName(u"actionRecords")
#if QT_CONFIG(shortcut)
        self.actionRecords.setShortcut(u"Ctrl+R")
#endif // QT_CONFIG(shortcut)
        self.actionAssignments = QAction(MainWindow)
        self.actionAssignments.setObjectName(u"actionAssignments")
#if QT_CONFIG(shortcut)
        self.actionAssignments.setShortcut(u"Ctrl+D")
#endif // QT_CONFIG(shortcut)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionSyncNow = QAction(MainWindow)
        self.actionSyncNow.setObjectName(u"actionSyncNow")
#if QT_CONFIG(shortcut)
        self.actionSyncNow.setShortcut(u"F5")
#endif // QT_CONFIG(shortcut)
        self.actionSupervisor = QAction(MainWindow)
        self.actionSupervisor.setObjectName(u"actionSupervisor")
        self.actionPaperA4 = QAction(MainWindow)
        self.actionPaperA4.setObjectName(u"actionPaperA4")
        self.actionPaperA4.setCheckable(True)
        self.actionPaper80 = QAction(MainWindow)
        self.actionPaper80.setObjectName(u"actionPaper80")
        self.actionPaper80.setCheckable(True)
        self.actionChinese = QAction(MainWindow)
        self.actionChinese.setObjectName(u"actionChinese")
        self.actionChinese.setCheckable(True)
        self.actionChinese.setText(u"\u4e2d\u6587")
        self.actionEnglish = QAction(MainWindow)
        self.actionEnglish.setObjectName(u"actionEnglish")
        self.actionEnglish.setCheckable(True)
        self.actionEnglish.setText(u"English")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QVBoxLayout(self.central)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self.central)
        self.stack.setObjectName(u"stack")

        self.centralLayout.addWidget(self.stack)

        MainWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuVisit = QMenu(self.menubar)
        self.menuVisit.setObjectName(u"menuVisit")
        self.menuTools = QMenu(self.menubar)
        self.menuTools.setObjectName(u"menuTools")
        self.menuLanguage = QMenu(self.menubar)
        self.menuLanguage.setObjectName(u"menuLanguage")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuVisit.menuAction())
        self.menubar.addAction(self.menuTools.menuAction())
        self.menubar.addAction(self.menuLanguage.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuVisit.addAction(self.actionNewVisit)
        self.menuVisit.addAction(self.actionRecords)
        self.menuVisit.addAction(self.actionAssignments)
        self.menuVisit.addSeparator()
        self.menuVisit.addAction(self.actionQuit)
        self.menuTools.addAction(self.actionSyncNow)
        self.menuTools.addAction(self.actionSupervisor)
        self.menuTools.addSeparator()
        self.menuTools.addAction(self.actionPaperA4)
        self.menuTools.addAction(self.actionPaper80)
        self.menuLanguage.addAction(self.actionChinese)
        self.menuLanguage.addAction(self.actionEnglish)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Indoor heating temperature inspection", None))
        self.actionNewVisit.setText(QCoreApplication.translate("MainWindow", u"&New visit", None))
        self.actionRecords.setText(QCoreApplication.translate("MainWindow", u"&Records", None))
        self.actionAssignments.setText(QCoreApplication.translate("MainWindow", u"&Assignments", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
        self.actionSyncNow.setText(QCoreApplication.translate("MainWindow", u"&Sync now", None))
        self.actionSupervisor.setText(QCoreApplication.translate("MainWindow", u"Super&visor review\u2026", None))
        self.actionPaperA4.setText(QCoreApplication.translate("MainWindow", u"Slip paper: A4", None))
        self.actionPaper80.setText(QCoreApplication.translate("MainWindow", u"Slip paper: 80 mm roll", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About\u2026", None))
        self.menuVisit.setTitle(QCoreApplication.translate("MainWindow", u"&Visit", None))
        self.menuTools.setTitle(QCoreApplication.translate("MainWindow", u"&Tools", None))
        self.menuLanguage.setTitle(QCoreApplication.translate("MainWindow", u"&Language", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

