# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'visit_wizard.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QStackedWidget, QVBoxLayout, QWidget)

class Ui_VisitWizard(object):
    def setupUi(self, VisitWizard):
        if not VisitWizard.objectName():
            VisitWizard.setObjectName(u"VisitWizard")
        self.wizardLayout = QHBoxLayout(VisitWizard)
        self.wizardLayout.setObjectName(u"wizardLayout")
        self.sideLayout = QVBoxLayout()
        self.sideLayout.setObjectName(u"sideLayout")
        self.trainingBadge = QLabel(VisitWizard)
        self.trainingBadge.setObjectName(u"trainingBadge")
        self.trainingBadge.setAlignment(Qt.AlignCenter)
        self.trainingBadge.setWordWrap(True)

        self.sideLayout.addWidget(self.trainingBadge)

        self.stepList = QListWidget(VisitWizard)
        self.stepList.setObjectName(u"stepList")
        self.stepList.setMinimumSize(QSize(200, 0))
        self.stepList.setMaximumSize(QSize(260, 16777215))

        self.sideLayout.addWidget(self.stepList)

        self.recordsButton = QPushButton(VisitWizard)
        self.recordsButton.setObjectName(u"recordsButton")

        self.sideLayout.addWidget(self.recordsButton)


        self.wizardLayout.addLayout(self.sideLayout)

        self.mainLayout = QVBoxLayout()
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLayout = QHBoxLayout()
        self.titleLayout.setObjectName(u"titleLayout")
        self.titleLabel = QLabel(VisitWizard)
        self.titleLabel.setObjectName(u"titleLabel")

        self.titleLayout.addWidget(self.titleLabel)

        self.messageLabel = QLabel(VisitWizard)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.titleLayout.addWidget(self.messageLabel)

        self.titleLayout.setStretch(1, 1)

        self.mainLayout.addLayout(self.titleLayout)

        self.pages = QStackedWidget(VisitWizard)
        self.pages.setObjectName(u"pages")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.pages.sizePolicy().hasHeightForWidth())
        self.pages.setSizePolicy(sizePolicy)

        self.mainLayout.addWidget(self.pages)

        self.navLayout = QHBoxLayout()
        self.navLayout.setObjectName(u"navLayout")
        self.backButton = QPushButton(VisitWizard)
        self.backButton.setObjectName(u"backButton")

        self.navLayout.addWidget(self.backButton)

        self.navSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.navLayout.addItem(self.navSpacer)

        self.nextButton = QPushButton(VisitWizard)
        self.nextButton.setObjectName(u"nextButton")

        self.navLayout.addWidget(self.nextButton)


        self.mainLayout.addLayout(self.navLayout)


        self.wizardLayout.addLayout(self.mainLayout)


        self.retranslateUi(VisitWizard)

        self.nextButton.setDefault(True)


        QMetaObject.connectSlotsByName(VisitWizard)
    # setupUi

    def retranslateUi(self, VisitWizard):
        self.trainingBadge.setText(QCoreApplication.translate("VisitWizard", u"TRAINING \u2014 not evidence", None))
        self.recordsButton.setText(QCoreApplication.translate("VisitWizard", u"Back to records", None))
        self.backButton.setText(QCoreApplication.translate("VisitWizard", u"< &Back", None))
        self.nextButton.setText(QCoreApplication.translate("VisitWizard", u"&Next >", None))
        pass
    # retranslateUi

