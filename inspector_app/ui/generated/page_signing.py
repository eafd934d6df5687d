# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'page_signing.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout,
    QWidget)

from inspector_app.ui.widgets.signature_pad import SignaturePad

class Ui_SigningPage(object):
    def setupUi(self, SigningPage):
        if not SigningPage.objectName():
            SigningPage.setObjectName(u"SigningPage")
        self.pageLayout = QVBoxLayout(SigningPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.padsRow = QHBoxLayout()
        self.padsRow.setObjectName(u"padsRow")
        self.inspectorBox = QGroupBox(SigningPage)
        self.inspectorBox.setObjectName(u"inspectorBox")
        self.inspectorLayout = QVBoxLayout(self.inspectorBox)
        self.inspectorLayout.setObjectName(u"inspectorLayout")
        self.inspectorForm = QFormLayout()
        self.inspectorForm.setObjectName(u"inspectorForm")
        self.inspectorNameLabel = QLabel(self.inspectorBox)
        self.inspectorNameLabel.setObjectName(u"inspectorNameLabel")

        self.inspectorForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.inspectorNameLabel)

        self.inspectorNameEdit = QLineEdit(self.inspectorBox)
        self.inspectorNameEdit.setObjectName(u"inspectorNameEdit")

        self.inspectorForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.inspectorNameEdit)


        self.inspectorLayout.addLayout(self.inspectorForm)

        self.inspectorStatement = QLabel(self.inspectorBox)
        self.inspectorStatement.setObjectName(u"inspectorStatement")
        self.inspectorStatement.setWordWrap(True)

        self.inspectorLayout.addWidget(self.inspectorStatement)

        self.inspectorPad = SignaturePad(self.inspectorBox)
        self.inspectorPad.setObjectName(u"inspectorPad")
        self.inspectorPad.setMinimumSize(QSize(360, 120))

        self.inspectorLayout.addWidget(self.inspectorPad)

        self.inspectorButtons = QHBoxLayout()
        self.inspectorButtons.setObjectName(u"inspectorButtons")
        self.inspectorUndo = QPushButton(self.inspectorBox)
        self.inspectorUndo.setObjectName(u"inspectorUndo")

        self.inspectorButtons.addWidget(self.inspectorUndo)

        self.inspectorClear = QPushButton(self.inspectorBox)
        self.inspectorClear.setObjectName(u"inspectorClear")

        self.inspectorButtons.addWidget(self.inspectorClear)


        self.inspectorLayout.addLayout(self.inspectorButtons)


        self.padsRow.addWidget(self.inspectorBox)

        self.residentBox = QGroupBox(SigningPage)
        self.residentBox.setObjectName(u"residentBox")
        self.residentLayout = QVBoxLayout(self.residentBox)
        self.residentLayout.setObjectName(u"residentLayout")
        self.refuseCheck = QCheckBox(self.residentBox)
        self.refuseCheck.setObjectName(u"refuseCheck")

        self.residentLayout.addWidget(self.refuseCheck)

        self.residentStack = QStackedWidget(self.residentBox)
        self.residentStack.setObjectName(u"residentStack")
        self.residentSignsPage = QWidget()
        self.residentSignsPage.setObjectName(u"residentSignsPage")
        self.residentSignsLayout = QVBoxLayout(self.residentSignsPage)
        self.residentSignsLayout.setObjectName(u"residentSignsLayout")
        self.residentForm = QFormLayout()
        self.residentForm.setObjectName(u"residentForm")
        self.residentNameLabel = QLabel(self.residentSignsPage)
        self.residentNameLabel.setObjectName(u"residentNameLabel")

        self.residentForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.residentNameLabel)

        self.residentNameEdit = QLineEdit(self.residentSignsPage)
        self.residentNameEdit.setObjectName(u"residentNameEdit")

        self.residentForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.residentNameEdit)


        self.residentSignsLayout.addLayout(self.residentForm)

        self.residentStatement = QLabel(self.residentSignsPage)
        self.residentStatement.setObjectName(u"residentStatement")
        self.residentStatement.setWordWrap(True)

        self.residentSignsLayout.addWidget(self.residentStatement)

        self.residentPad = SignaturePad(self.residentSignsPage)
        self.residentPad.setObjectName(u"residentPad")
        self.residentPad.setMinimumSize(QSize(360, 120))

        self.residentSignsLayout.addWidget(self.residentPad)

        self.residentButtons = QHBoxLayout()
        self.residentButtons.setObjectName(u"residentButtons")
        self.residentUndo = QPushButton(self.residentSignsPage)
        self.residentUndo.setObjectName(u"residentUndo")

        self.residentButtons.addWidget(self.residentUndo)

        self.residentClear = QPushButton(self.residentSignsPage)
        self.residentClear.setObjectName(u"residentClear")

        self.residentButtons.addWidget(self.residentClear)


        self.residentSignsLayout.addLayout(self.residentButtons)

        self.residentStack.addWidget(self.residentSignsPage)
        self.refusalPage = QWidget()
        self.refusalPage.setObjectName(u"refusalPage")
        self.refusalLayout = QVBoxLayout(self.refusalPage)
        self.refusalLayout.setObjectName(u"refusalLayout")
        self.refusalForm = QFormLayout()
        self.refusalForm.setObjectName(u"refusalForm")
        self.reasonLabel = QLabel(self.refusalPage)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.refusalForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(self.refusalPage)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.refusalForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.witnessNameLabel = QLabel(self.refusalPage)
        self.witnessNameLabel.setObjectName(u"witnessNameLabel")

        self.refusalForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.witnessNameLabel)

        self.witnessNameEdit = QLineEdit(self.refusalPage)
        self.witnessNameEdit.setObjectName(u"witnessNameEdit")

        self.refusalForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.witnessNameEdit)

        self.witnessRoleLabel = QLabel(self.refusalPage)
        self.witnessRoleLabel.setObjectName(u"witnessRoleLabel")

        self.refusalForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.witnessRoleLabel)

        self.witnessRoleCombo = QComboBox(self.refusalPage)
        self.witnessRoleCombo.setObjectName(u"witnessRoleCombo")
        self.witnessRoleCombo.setEditable(True)

        self.refusalForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.witnessRoleCombo)


        self.refusalLayout.addLayout(self.refusalForm)

        self.witnessStatement = QLabel(self.refusalPage)
        self.witnessStatement.setObjectName(u"witnessStatement")
        self.witnessStatement.setWordWrap(True)

        self.refusalLayout.addWidget(self.witnessStatement)

        self.witnessPad = SignaturePad(self.refusalPage)
        self.witnessPad.setObjectName(u"witnessPad")
        self.witnessPad.setMinimumSize(QSize(360, 100))

        self.refusalLayout.addWidget(self.witnessPad)

        self.witnessButtons = QHBoxLayout()
        self.witnessButtons.setObjectName(u"witnessButtons")
        self.witnessUndo = QPushButton(self.refusalPage)
        self.witnessUndo.setObjectName(u"witnessUndo")

        self.witnessButtons.addWidget(self.witnessUndo)

        self.witnessClear = QPushButton(self.refusalPage)
        self.witnessClear.setObjectName(u"witnessClear")

        self.witnessButtons.addWidget(self.witnessClear)


        self.refusalLayout.addLayout(self.witnessButtons)

        self.residentStack.addWidget(self.refusalPage)

        self.residentLayout.addWidget(self.residentStack)


        self.padsRow.addWidget(self.residentBox)


        self.pageLayout.addLayout(self.padsRow)

        self.sealRow = QHBoxLayout()
        self.sealRow.setObjectName(u"sealRow")
        self.sealStatus = QLabel(SigningPage)
        self.sealStatus.setObjectName(u"sealStatus")
        self.sealStatus.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.sealStatus.sizePolicy().hasHeightForWidth())
        self.sealStatus.setSizePolicy(sizePolicy)

        self.sealRow.addWidget(self.sealStatus)

        self.sealButton = QPushButton(SigningPage)
        self.sealButton.setObjectName(u"sealButton")

        self.sealRow.addWidget(self.sealButton)

        self.slipButton = QPushButton(SigningPage)
        self.slipButton.setObjectName(u"slipButton")

        self.sealRow.addWidget(self.slipButton)


        self.pageLayout.addLayout(self.sealRow)

#if QT_CONFIG(shortcut)
        self.inspectorNameLabel.setBuddy(self.inspectorNameEdit)
        self.residentNameLabel.setBuddy(self.residentNameEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.witnessNameLabel.setBuddy(self.witnessNameEdit)
        self.witnessRoleLabel.setBuddy(self.witnessRoleCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.inspectorNameEdit, self.inspectorPad)
        QWidget.setTabOrder(self.inspectorPad, self.inspectorUndo)
        QWidget.setTabOrder(self.inspectorUndo, self.inspectorClear)
        QWidget.setTabOrder(self.inspectorClear, self.refuseCheck)
        QWidget.setTabOrder(self.refuseCheck, self.residentNameEdit)
        QWidget.setTabOrder(self.residentNameEdit, self.residentPad)
        QWidget.setTabOrder(self.residentPad, self.residentUndo)
        QWidget.setTabOrder(self.residentUndo, self.residentClear)
        QWidget.setTabOrder(self.residentClear, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.witnessNameEdit)
        QWidget.setTabOrder(self.witnessNameEdit, self.witnessRoleCombo)
        QWidget.setTabOrder(self.witnessRoleCombo, self.witnessPad)
        QWidget.setTabOrder(self.witnessPad, self.witnessUndo)
        QWidget.setTabOrder(self.witnessUndo, self.witnessClear)
        QWidget.setTabOrder(self.witnessClear, self.sealButton)
        QWidget.setTabOrder(self.sealButton, self.slipButton)

        self.retranslateUi(SigningPage)

        QMetaObject.connectSlotsByName(SigningPage)
    # setupUi

    def retranslateUi(self, SigningPage):
        self.inspectorBox.setTitle(QCoreApplication.translate("SigningPage", u"1. Inspector", None))
        self.inspectorNameLabel.setText(QCoreApplication.translate("SigningPage", u"&Name", None))
        self.inspectorUndo.setText(QCoreApplication.translate("SigningPage", u"Undo stroke", None))
        self.inspectorClear.setText(QCoreApplication.translate("SigningPage", u"Clear", None))
        self.residentBox.setTitle(QCoreApplication.translate("SigningPage", u"2. Resident", None))
        self.refuseCheck.setText(QCoreApplication.translate("SigningPage", u"Resident &refuses to sign", None))
        self.residentNameLabel.setText(QCoreApplication.translate("SigningPage", u"N&ame", None))
        self.residentUndo.setText(QCoreApplication.translate("SigningPage", u"Undo stroke", None))
        self.residentClear.setText(QCoreApplication.translate("SigningPage", u"Clear", None))
        self.reasonLabel.setText(QCoreApplication.translate("SigningPage", u"Reas&on", None))
        self.witnessNameLabel.setText(QCoreApplication.translate("SigningPage", u"&Witness", None))
        self.witnessRoleLabel.setText(QCoreApplication.translate("SigningPage", u"Witness rol&e", None))
        self.witnessUndo.setText(QCoreApplication.translate("SigningPage", u"Undo stroke", None))
        self.witnessClear.setText(QCoreApplication.translate("SigningPage", u"Clear", None))
        self.sealButton.setText(QCoreApplication.translate("SigningPage", u"&Seal the record", None))
        self.slipButton.setText(QCoreApplication.translate("SigningPage", u"Preview and &print the slip\u2026", None))
        pass
    # retranslateUi

