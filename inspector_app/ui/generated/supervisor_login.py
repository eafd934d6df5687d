# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervisor_login.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_SupervisorLoginDialog(object):
    def setupUi(self, SupervisorLoginDialog):
        if not SupervisorLoginDialog.objectName():
            SupervisorLoginDialog.setObjectName(u"SupervisorLoginDialog")
        SupervisorLoginDialog.setMinimumSize(QSize(460, 0))
        self.layout = QVBoxLayout(SupervisorLoginDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(SupervisorLoginDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.urlLabel = QLabel(SupervisorLoginDialog)
        self.urlLabel.setObjectName(u"urlLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlEdit = QLineEdit(SupervisorLoginDialog)
        self.urlEdit.setObjectName(u"urlEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.urlEdit)

        self.nameLabel = QLabel(SupervisorLoginDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(SupervisorLoginDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.passwordLabel = QLabel(SupervisorLoginDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(SupervisorLoginDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passwordEdit)


        self.layout.addLayout(self.form)

        self.statusLabel = QLabel(SupervisorLoginDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.layout.addWidget(self.statusLabel)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.loginButton = QPushButton(SupervisorLoginDialog)
        self.loginButton.setObjectName(u"loginButton")

        self.buttons.addWidget(self.loginButton)

        self.cancelButton = QPushButton(SupervisorLoginDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttons.addWidget(self.cancelButton)


        self.layout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.urlLabel.setBuddy(self.urlEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.urlEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.loginButton)
        QWidget.setTabOrder(self.loginButton, self.cancelButton)

        self.retranslateUi(SupervisorLoginDialog)

        self.loginButton.setDefault(True)


        QMetaObject.connectSlotsByName(SupervisorLoginDialog)
    # setupUi

    def retranslateUi(self, SupervisorLoginDialog):
        SupervisorLoginDialog.setWindowTitle(QCoreApplication.translate("SupervisorLoginDialog", u"Supervisor log-in", None))
        self.introLabel.setText(QCoreApplication.translate("SupervisorLoginDialog", u"Review the records received by the district office. Your account decides which district you see.", None))
        self.urlLabel.setText(QCoreApplication.translate("SupervisorLoginDialog", u"&Office address", None))
        self.urlEdit.setPlaceholderText(QCoreApplication.translate("SupervisorLoginDialog", u"https://office.example:8443", None))
        self.nameLabel.setText(QCoreApplication.translate("SupervisorLoginDialog", u"&User name", None))
        self.passwordLabel.setText(QCoreApplication.translate("SupervisorLoginDialog", u"&Password", None))
        self.loginButton.setText(QCoreApplication.translate("SupervisorLoginDialog", u"&Log in", None))
        self.cancelButton.setText(QCoreApplication.translate("SupervisorLoginDialog", u"Cancel", None))
    # retranslateUi

