# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'slip_preview.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QHBoxLayout,
    QLabel, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_SlipPreviewDialog(object):
    def setupUi(self, SlipPreviewDialog):
        if not SlipPreviewDialog.objectName():
            SlipPreviewDialog.setObjectName(u"SlipPreviewDialog")
        SlipPreviewDialog.setMinimumSize(QSize(640, 480))
        self.dialogLayout = QVBoxLayout(SlipPreviewDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.paperLabel = QLabel(SlipPreviewDialog)
        self.paperLabel.setObjectName(u"paperLabel")

        self.topRow.addWidget(self.paperLabel)

        self.paperCombo = QComboBox(SlipPreviewDialog)
        self.paperCombo.setObjectName(u"paperCombo")

        self.topRow.addWidget(self.paperCombo)

        self.statusLabel = QLabel(SlipPreviewDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.statusLabel.sizePolicy().hasHeightForWidth())
        self.statusLabel.setSizePolicy(sizePolicy)

        self.topRow.addWidget(self.statusLabel)


        self.dialogLayout.addLayout(self.topRow)

        self.scroll = QScrollArea(SlipPreviewDialog)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.pagesHost = QWidget()
        self.pagesHost.setObjectName(u"pagesHost")
        self.pagesLayout = QVBoxLayout(self.pagesHost)
        self.pagesLayout.setObjectName(u"pagesLayout")
        self.scroll.setWidget(self.pagesHost)

        self.dialogLayout.addWidget(self.scroll)

        self.buttonsRow = QHBoxLayout()
        self.buttonsRow.setObjectName(u"buttonsRow")
        self.printButton = QPushButton(SlipPreviewDialog)
        self.printButton.setObjectName(u"printButton")

        self.buttonsRow.addWidget(self.printButton)

        self.savePdfButton = QPushButton(SlipPreviewDialog)
        self.savePdfButton.setObjectName(u"savePdfButton")

        self.buttonsRow.addWidget(self.savePdfButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsRow.addItem(self.buttonsSpacer)

        self.closeButton = QPushButton(SlipPreviewDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsRow.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonsRow)

#if QT_CONFIG(shortcut)
        self.paperLabel.setBuddy(self.paperCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SlipPreviewDialog)

        QMetaObject.connectSlotsByName(SlipPreviewDialog)
    # setupUi

    def retranslateUi(self, SlipPreviewDialog):
        SlipPreviewDialog.setWindowTitle(QCoreApplication.translate("SlipPreviewDialog", u"Test slip", None))
        self.paperLabel.setText(QCoreApplication.translate("SlipPreviewDialog", u"Pape&r", None))
        self.printButton.setText(QCoreApplication.translate("SlipPreviewDialog", u"&Print\u2026", None))
        self.savePdfButton.setText(QCoreApplication.translate("SlipPreviewDialog", u"Save as P&DF\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("SlipPreviewDialog", u"&Close", None))
    # retranslateUi

