# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'page_measure.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QHeaderView,
    QLabel, QProgressBar, QPushButton, QSizePolicy,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from inspector_app.ui.widgets.chart import LiveChart

class Ui_MeasurePage(object):
    def setupUi(self, MeasurePage):
        if not MeasurePage.objectName():
            MeasurePage.setObjectName(u"MeasurePage")
        self.pageLayout = QHBoxLayout(MeasurePage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pointsTree = QTreeWidget(MeasurePage)
        __qtreewidgetitem = QTreeWidgetItem()
        __qtreewidgetitem.setText(0, u"1")
        self.pointsTree.setHeaderItem(__qtreewidgetitem)
        self.pointsTree.setObjectName(u"pointsTree")
        self.pointsTree.setMinimumSize(QSize(220, 0))
        self.pointsTree.setMaximumSize(QSize(300, 16777215))
        self.pointsTree.setHeaderHidden(True)

        self.pageLayout.addWidget(self.pointsTree)

        self.liveColumn = QVBoxLayout()
        self.liveColumn.setObjectName(u"liveColumn")
        self.pointLabel = QLabel(MeasurePage)
        self.pointLabel.setObjectName(u"pointLabel")
        self.pointLabel.setWordWrap(True)

        self.liveColumn.addWidget(self.pointLabel)

        self.readingPanel = QFrame(MeasurePage)
        self.readingPanel.setObjectName(u"readingPanel")
        self.readingPanel.setFrameShape(QFrame.StyledPanel)
        self.readingLayout = QHBoxLayout(self.readingPanel)
        self.readingLayout.setObjectName(u"readingLayout")
        self.liveValue = QLabel(self.readingPanel)
        self.liveValue.setObjectName(u"liveValue")
        self.liveValue.setText(u"--.- \u00b0C")
        self.liveValue.setAlignment(Qt.AlignCenter)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(2)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.liveValue.sizePolicy().hasHeightForWidth())
        self.liveValue.setSizePolicy(sizePolicy)

        self.readingLayout.addWidget(self.liveValue)

        self.stateColumn = QVBoxLayout()
        self.stateColumn.setObjectName(u"stateColumn")
        self.connectionLabel = QLabel(self.readingPanel)
        self.connectionLabel.setObjectName(u"connectionLabel")
        self.connectionLabel.setWordWrap(True)

        self.stateColumn.addWidget(self.connectionLabel)

        self.stateLabel = QLabel(self.readingPanel)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)

        self.stateColumn.addWidget(self.stateLabel)

        self.stabilityBar = QProgressBar(self.readingPanel)
        self.stabilityBar.setObjectName(u"stabilityBar")
        self.stabilityBar.setMaximum(1000)
        self.stabilityBar.setTextVisible(False)

        self.stateColumn.addWidget(self.stabilityBar)

        self.stabilityText = QLabel(self.readingPanel)
        self.stabilityText.setObjectName(u"stabilityText")
        self.stabilityText.setWordWrap(True)

        self.stateColumn.addWidget(self.stabilityText)

        self.capturedLabel = QLabel(self.readingPanel)
        self.capturedLabel.setObjectName(u"capturedLabel")
        self.capturedLabel.setWordWrap(True)

        self.stateColumn.addWidget(self.capturedLabel)


        self.readingLayout.addLayout(self.stateColumn)


        self.liveColumn.addWidget(self.readingPanel)

        self.chart = LiveChart(MeasurePage)
        self.chart.setObjectName(u"chart")
        self.chart.setMinimumSize(QSize(400, 200))
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.chart.sizePolicy().hasHeightForWidth())
        self.chart.setSizePolicy(sizePolicy1)

        self.liveColumn.addWidget(self.chart)

        self.buttonsRow = QHBoxLayout()
        self.buttonsRow.setObjectName(u"buttonsRow")
        self.startButton = QPushButton(MeasurePage)
        self.startButton.setObjectName(u"startButton")

        self.buttonsRow.addWidget(self.startButton)

        self.manualButton = QPushButton(MeasurePage)
        self.manualButton.setObjectName(u"manualButton")

        self.buttonsRow.addWidget(self.manualButton)


        self.liveColumn.addLayout(self.buttonsRow)


        self.pageLayout.addLayout(self.liveColumn)

        QWidget.setTabOrder(self.pointsTree, self.startButton)
        QWidget.setTabOrder(self.startButton, self.manualButton)

        self.retranslateUi(MeasurePage)

        QMetaObject.connectSlotsByName(MeasurePage)
    # setupUi

    def retranslateUi(self, MeasurePage):
        self.startButton.setText(QCoreApplication.translate("MeasurePage", u"&Start measuring at this point", None))
        self.manualButton.setText(QCoreApplication.translate("MeasurePage", u"&Manual entry\u2026", None))
        pass
    # retranslateUi

