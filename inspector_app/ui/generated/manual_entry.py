# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'manual_entry.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ManualEntryDialog(object):
    def setupUi(self, ManualEntryDialog):
        if not ManualEntryDialog.objectName():
            ManualEntryDialog.setObjectName(u"ManualEntryDialog")
        self.dialogLayout = QVBoxLayout(ManualEntryDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.warningLabel = QLabel(ManualEntryDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.warningLabel)

        self.valuesForm = QFormLayout()
        self.valuesForm.setObjectName(u"valuesForm")

        self.dialogLayout.addLayout(self.valuesForm)

        self.reasonForm = QFormLayout()
        self.reasonForm.setObjectName(u"reasonForm")
        self.reasonLabel = QLabel(ManualEntryDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.reasonForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(ManualEntryDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.reasonForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.dialogLayout.addLayout(self.reasonForm)

        self.errorLabel = QLabel(ManualEntryDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ManualEntryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ManualEntryDialog)

        QMetaObject.connectSlotsByName(ManualEntryDialog)
    # setupUi

    def retranslateUi(self, ManualEntryDialog):
        ManualEntryDialog.setWindowTitle(QCoreApplication.translate("ManualEntryDialog", u"Manual entry (flagged fallback)", None))
        self.warningLabel.setText(QCoreApplication.translate("ManualEntryDialog", u"Use this only when the thermometer cannot be read by the app. The readings are marked as typed in, with your reason, on the record and the slip.", None))
        self.reasonLabel.setText(QCoreApplication.translate("ManualEntryDialog", u"&Reason (required)", None))
    # retranslateUi

