# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'page_preconditions.ui'
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
from PySide6.QtWidgets import (QApplication, QDateTimeEdit, QGroupBox, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_PreconditionsPage(object):
    def setupUi(self, PreconditionsPage):
        if not PreconditionsPage.objectName():
            PreconditionsPage.setObjectName(u"PreconditionsPage")
        self.pageLayout = QHBoxLayout(PreconditionsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.checksColumn = QVBoxLayout()
        self.checksColumn.setObjectName(u"checksColumn")
        self.checklistBox = QGroupBox(PreconditionsPage)
        self.checklistBox.setObjectName(u"checklistBox")
        self.checklistLayout = QVBoxLayout(self.checklistBox)
        self.checklistLayout.setObjectName(u"checklistLayout")

        self.checksColumn.addWidget(self.checklistBox)

        self.exemptionsBox = QGroupBox(PreconditionsPage)
        self.exemptionsBox.setObjectName(u"exemptionsBox")
        self.exemptionsLayout = QVBoxLayout(self.exemptionsBox)
        self.exemptionsLayout.setObjectName(u"exemptionsLayout")

        self.checksColumn.addWidget(self.exemptionsBox)

        self.checksSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.checksColumn.addItem(self.checksSpacer)


        self.pageLayout.addLayout(self.checksColumn)

        self.closedBox = QGroupBox(PreconditionsPage)
        self.closedBox.setObjectName(u"closedBox")
        self.closedLayout = QVBoxLayout(self.closedBox)
        self.closedLayout.setObjectName(u"closedLayout")
        self.closedSinceLabel = QLabel(self.closedBox)
        self.closedSinceLabel.setObjectName(u"closedSinceLabel")

        self.closedLayout.addWidget(self.closedSinceLabel)

        self.closedRow = QHBoxLayout()
        self.closedRow.setObjectName(u"closedRow")
        self.closedSinceEdit = QDateTimeEdit(self.closedBox)
        self.closedSinceEdit.setObjectName(u"closedSinceEdit")
        self.closedSinceEdit.setCalendarPopup(True)
        self.closedSinceEdit.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.closedRow.addWidget(self.closedSinceEdit)

        self.closedNowButton = QPushButton(self.closedBox)
        self.closedNowButton.setObjectName(u"closedNowButton")

        self.closedRow.addWidget(self.closedNowButton)


        self.closedLayout.addLayout(self.closedRow)

        self.closedTimer = QLabel(self.closedBox)
        self.closedTimer.setObjectName(u"closedTimer")
        self.closedTimer.setAlignment(Qt.AlignCenter)
        self.closedTimer.setText(u"--:--")

        self.closedLayout.addWidget(self.closedTimer)

        self.closedStatus = QLabel(self.closedBox)
        self.closedStatus.setObjectName(u"closedStatus")
        self.closedStatus.setAlignment(Qt.AlignCenter)
        self.closedStatus.setWordWrap(True)

        self.closedLayout.addWidget(self.closedStatus)

        self.closedSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.closedLayout.addItem(self.closedSpacer)


        self.pageLayout.addWidget(self.closedBox)

#if QT_CONFIG(shortcut)
        self.closedSinceLabel.setBuddy(self.closedSinceEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PreconditionsPage)

        QMetaObject.connectSlotsByName(PreconditionsPage)
    # setupUi

    def retranslateUi(self, PreconditionsPage):
        self.checklistBox.setTitle(QCoreApplication.translate("PreconditionsPage", u"Checked in the home", None))
        self.exemptionsBox.setTitle(QCoreApplication.translate("PreconditionsPage", u"Exemptions that apply", None))
        self.closedBox.setTitle(QCoreApplication.translate("PreconditionsPage", u"Doors and windows closed", None))
        self.closedSinceLabel.setText(QCoreApplication.translate("PreconditionsPage", u"Closed &since", None))
        self.closedNowButton.setText(QCoreApplication.translate("PreconditionsPage", u"Closed n&ow", None))
        pass
    # retranslateUi

