# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'page_instrument.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_InstrumentPage(object):
    def setupUi(self, InstrumentPage):
        if not InstrumentPage.objectName():
            InstrumentPage.setObjectName(u"InstrumentPage")
        self.pageLayout = QVBoxLayout(InstrumentPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.connectionBox = QGroupBox(InstrumentPage)
        self.connectionBox.setObjectName(u"connectionBox")
        self.connectionForm = QFormLayout(self.connectionBox)
        self.connectionForm.setObjectName(u"connectionForm")
        self.portLabel = QLabel(self.connectionBox)
        self.portLabel.setObjectName(u"portLabel")

        self.connectionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.portLabel)

        self.portRow = QHBoxLayout()
        self.portRow.setObjectName(u"portRow")
        self.portCombo = QComboBox(self.connectionBox)
        self.portCombo.setObjectName(u"portCombo")
        self.portCombo.setEditable(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.portCombo.sizePolicy().hasHeightForWidth())
        self.portCombo.setSizePolicy(sizePolicy)

        self.portRow.addWidget(self.portCombo)

        self.refreshButton = QPushButton(self.connectionBox)
        self.refreshButton.setObjectName(u"refreshButton")

        self.portRow.addWidget(self.refreshButton)

        self.probeButton = QPushButton(self.connectionBox)
        self.probeButton.setObjectName(u"probeButton")

        self.portRow.addWidget(self.probeButton)


        self.connectionForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.portRow)

        self.protocolLabel = QLabel(self.connectionBox)
        self.protocolLabel.setObjectName(u"protocolLabel")

        self.connectionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.protocolLabel)

        self.protocolCombo = QComboBox(self.connectionBox)
        self.protocolCombo.setObjectName(u"protocolCombo")

        self.connectionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.protocolCombo)

        self.probeResult = QLabel(self.connectionBox)
        self.probeResult.setObjectName(u"probeResult")
        self.probeResult.setWordWrap(True)

        self.connectionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.probeResult)


        self.pageLayout.addWidget(self.connectionBox)

        self.certificateBox = QGroupBox(InstrumentPage)
        self.certificateBox.setObjectName(u"certificateBox")
        self.certificateForm = QFormLayout(self.certificateBox)
        self.certificateForm.setObjectName(u"certificateForm")
        self.modelLabel = QLabel(self.certificateBox)
        self.modelLabel.setObjectName(u"modelLabel")

        self.certificateForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.modelLabel)

        self.modelEdit = QLineEdit(self.certificateBox)
        self.modelEdit.setObjectName(u"modelEdit")

        self.certificateForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.modelEdit)

        self.serialLabel = QLabel(self.certificateBox)
        self.serialLabel.setObjectName(u"serialLabel")

        self.certificateForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.serialLabel)

        self.serialEdit = QLineEdit(self.certificateBox)
        self.serialEdit.setObjectName(u"serialEdit")

        self.certificateForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.serialEdit)

        self.certificateLabel = QLabel(self.certificateBox)
        self.certificateLabel.setObjectName(u"certificateLabel")

        self.certificateForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.certificateLabel)

        self.certificateEdit = QLineEdit(self.certificateBox)
        self.certificateEdit.setObjectName(u"certificateEdit")

        self.certificateForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.certificateEdit)

        self.expiryLabel = QLabel(self.certificateBox)
        self.expiryLabel.setObjectName(u"expiryLabel")

        self.certificateForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.expiryLabel)

        self.expiryEdit = QDateEdit(self.certificateBox)
        self.expiryEdit.setObjectName(u"expiryEdit")
        self.expiryEdit.setCalendarPopup(True)
        self.expiryEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.certificateForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.expiryEdit)

        self.correctionLabel = QLabel(self.certificateBox)
        self.correctionLabel.setObjectName(u"correctionLabel")

        self.certificateForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.correctionLabel)

        self.correctionSpin = QDoubleSpinBox(self.certificateBox)
        self.correctionSpin.setObjectName(u"correctionSpin")
        self.correctionSpin.setDecimals(1)
        self.correctionSpin.setMinimum(-5.000000000000000)
        self.correctionSpin.setMaximum(5.000000000000000)
        self.correctionSpin.setSingleStep(0.100000000000000)

        self.certificateForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.correctionSpin)

        self.certificateStatus = QLabel(self.certificateBox)
        self.certificateStatus.setObjectName(u"certificateStatus")
        self.certificateStatus.setWordWrap(True)

        self.certificateForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.certificateStatus)

        self.trainingCheck = QCheckBox(self.certificateBox)
        self.trainingCheck.setObjectName(u"trainingCheck")

        self.certificateForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.trainingCheck)


        self.pageLayout.addWidget(self.certificateBox)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.portLabel.setBuddy(self.portCombo)
        self.protocolLabel.setBuddy(self.protocolCombo)
        self.modelLabel.setBuddy(self.modelEdit)
        self.serialLabel.setBuddy(self.serialEdit)
        self.certificateLabel.setBuddy(self.certificateEdit)
        self.expiryLabel.setBuddy(self.expiryEdit)
        self.correctionLabel.setBuddy(self.correctionSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.portCombo, self.refreshButton)
        QWidget.setTabOrder(self.refreshButton, self.probeButton)
        QWidget.setTabOrder(self.probeButton, self.protocolCombo)
        QWidget.setTabOrder(self.protocolCombo, self.modelEdit)
        QWidget.setTabOrder(self.modelEdit, self.serialEdit)
        QWidget.setTabOrder(self.serialEdit, self.certificateEdit)
        QWidget.setTabOrder(self.certificateEdit, self.expiryEdit)
        QWidget.setTabOrder(self.expiryEdit, self.correctionSpin)
        QWidget.setTabOrder(self.correctionSpin, self.trainingCheck)

        self.retranslateUi(InstrumentPage)

        QMetaObject.connectSlotsByName(InstrumentPage)
    # setupUi

    def retranslateUi(self, InstrumentPage):
        self.connectionBox.setTitle(QCoreApplication.translate("InstrumentPage", u"Thermometer connection", None))
        self.portLabel.setText(QCoreApplication.translate("InstrumentPage", u"&Port", None))
        self.refreshButton.setText(QCoreApplication.translate("InstrumentPage", u"R&efresh", None))
        self.probeButton.setText(QCoreApplication.translate("InstrumentPage", u"&Detect protocol", None))
        self.protocolLabel.setText(QCoreApplication.translate("InstrumentPage", u"P&rotocol", None))
        self.certificateBox.setTitle(QCoreApplication.translate("InstrumentPage", u"Instrument and calibration certificate", None))
        self.modelLabel.setText(QCoreApplication.translate("InstrumentPage", u"&Model", None))
        self.serialLabel.setText(QCoreApplication.translate("InstrumentPage", u"&Serial number", None))
        self.certificateLabel.setText(QCoreApplication.translate("InstrumentPage", u"&Certificate number", None))
        self.expiryLabel.setText(QCoreApplication.translate("InstrumentPage", u"Certificate valid &until", None))
        self.correctionLabel.setText(QCoreApplication.translate("InstrumentPage", u"C&orrection (\u00b0C)", None))
        self.trainingCheck.setText(QCoreApplication.translate("InstrumentPage", u"Trainin&g visit (not evidence for a refund ruling)", None))
        pass
    # retranslateUi

