# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'page_details.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateTimeEdit,
    QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QWidget)

class Ui_DetailsPage(object):
    def setupUi(self, DetailsPage):
        if not DetailsPage.objectName():
            DetailsPage.setObjectName(u"DetailsPage")
        self.pageLayout = QHBoxLayout(DetailsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.complaintBox = QGroupBox(DetailsPage)
        self.complaintBox.setObjectName(u"complaintBox")
        self.complaintForm = QFormLayout(self.complaintBox)
        self.complaintForm.setObjectName(u"complaintForm")
        self.ticketLabel = QLabel(self.complaintBox)
        self.ticketLabel.setObjectName(u"ticketLabel")

        self.complaintForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ticketLabel)

        self.ticketEdit = QLineEdit(self.complaintBox)
        self.ticketEdit.setObjectName(u"ticketEdit")

        self.complaintForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ticketEdit)

        self.channelLabel = QLabel(self.complaintBox)
        self.channelLabel.setObjectName(u"channelLabel")

        self.complaintForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(self.complaintBox)
        self.channelCombo.setObjectName(u"channelCombo")

        self.complaintForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.complaintLabel = QLabel(self.complaintBox)
        self.complaintLabel.setObjectName(u"complaintLabel")

        self.complaintForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.complaintLabel)

        self.complaintEditRow = QHBoxLayout()
        self.complaintEditRow.setObjectName(u"complaintEditRow")
        self.complaintEdit = QDateTimeEdit(self.complaintBox)
        self.complaintEdit.setObjectName(u"complaintEdit")
        self.complaintEdit.setCalendarPopup(True)
        self.complaintEdit.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.complaintEditRow.addWidget(self.complaintEdit)

        self.complaintNowButton = QPushButton(self.complaintBox)
        self.complaintNowButton.setObjectName(u"complaintNowButton")

        self.complaintEditRow.addWidget(self.complaintNowButton)


        self.complaintForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.complaintEditRow)

        self.contactLabel = QLabel(self.complaintBox)
        self.contactLabel.setObjectName(u"contactLabel")

        self.complaintForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contactEditRow = QHBoxLayout()
        self.contactEditRow.setObjectName(u"contactEditRow")
        self.contactEdit = QDateTimeEdit(self.complaintBox)
        self.contactEdit.setObjectName(u"contactEdit")
        self.contactEdit.setCalendarPopup(True)
        self.contactEdit.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.contactEditRow.addWidget(self.contactEdit)

        self.contactNowButton = QPushButton(self.complaintBox)
        self.contactNowButton.setObjectName(u"contactNowButton")

        self.contactEditRow.addWidget(self.contactNowButton)


        self.complaintForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.contactEditRow)

        self.arrivalLabel = QLabel(self.complaintBox)
        self.arrivalLabel.setObjectName(u"arrivalLabel")

        self.complaintForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.arrivalLabel)

        self.arrivalEditRow = QHBoxLayout()
        self.arrivalEditRow.setObjectName(u"arrivalEditRow")
        self.arrivalEdit = QDateTimeEdit(self.complaintBox)
        self.arrivalEdit.setObjectName(u"arrivalEdit")
        self.arrivalEdit.setCalendarPopup(True)
        self.arrivalEdit.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.arrivalEditRow.addWidget(self.arrivalEdit)

        self.arrivalNowButton = QPushButton(self.complaintBox)
        self.arrivalNowButton.setObjectName(u"arrivalNowButton")

        self.arrivalEditRow.addWidget(self.arrivalNowButton)


        self.complaintForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.arrivalEditRow)

        self.responseLabel = QLabel(self.complaintBox)
        self.responseLabel.setObjectName(u"responseLabel")
        self.responseLabel.setWordWrap(True)

        self.complaintForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.responseLabel)

        self.outdoorLabel = QLabel(self.complaintBox)
        self.outdoorLabel.setObjectName(u"outdoorLabel")

        self.complaintForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.outdoorLabel)

        self.outdoorSpin = QDoubleSpinBox(self.complaintBox)
        self.outdoorSpin.setObjectName(u"outdoorSpin")
        self.outdoorSpin.setDecimals(1)
        self.outdoorSpin.setMinimum(-40.000000000000000)
        self.outdoorSpin.setMaximum(40.000000000000000)
        self.outdoorSpin.setSuffix(u" \u00b0C")

        self.complaintForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.outdoorSpin)

        self.inspectorLabel = QLabel(self.complaintBox)
        self.inspectorLabel.setObjectName(u"inspectorLabel")

        self.complaintForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.inspectorLabel)

        self.inspectorEdit = QLineEdit(self.complaintBox)
        self.inspectorEdit.setObjectName(u"inspectorEdit")

        self.complaintForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.inspectorEdit)

        self.orgLabel = QLabel(self.complaintBox)
        self.orgLabel.setObjectName(u"orgLabel")

        self.complaintForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.orgLabel)

        self.orgEdit = QLineEdit(self.complaintBox)
        self.orgEdit.setObjectName(u"orgEdit")

        self.complaintForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.orgEdit)


        self.pageLayout.addWidget(self.complaintBox)

        self.homeBox = QGroupBox(DetailsPage)
        self.homeBox.setObjectName(u"homeBox")
        self.homeForm = QFormLayout(self.homeBox)
        self.homeForm.setObjectName(u"homeForm")
        self.cityLabel = QLabel(self.homeBox)
        self.cityLabel.setObjectName(u"cityLabel")

        self.homeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.cityLabel)

        self.cityEdit = QLineEdit(self.homeBox)
        self.cityEdit.setObjectName(u"cityEdit")

        self.homeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.cityEdit)

        self.districtLabel = QLabel(self.homeBox)
        self.districtLabel.setObjectName(u"districtLabel")

        self.homeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.districtLabel)

        self.districtEdit = QLineEdit(self.homeBox)
        self.districtEdit.setObjectName(u"districtEdit")

        self.homeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.districtEdit)

        self.streetLabel = QLabel(self.homeBox)
        self.streetLabel.setObjectName(u"streetLabel")

        self.homeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.streetLabel)

        self.streetEdit = QLineEdit(self.homeBox)
        self.streetEdit.setObjectName(u"streetEdit")

        self.homeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.streetEdit)

        self.communityLabel = QLabel(self.homeBox)
        self.communityLabel.setObjectName(u"communityLabel")

        self.homeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.communityLabel)

        self.communityEdit = QLineEdit(self.homeBox)
        self.communityEdit.setObjectName(u"communityEdit")

        self.homeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.communityEdit)

        self.buildingLabel = QLabel(self.homeBox)
        self.buildingLabel.setObjectName(u"buildingLabel")

        self.homeForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.buildingLabel)

        self.buildingEdit = QLineEdit(self.homeBox)
        self.buildingEdit.setObjectName(u"buildingEdit")

        self.homeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.buildingEdit)

        self.unitLabel = QLabel(self.homeBox)
        self.unitLabel.setObjectName(u"unitLabel")

        self.homeForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitEdit = QLineEdit(self.homeBox)
        self.unitEdit.setObjectName(u"unitEdit")

        self.homeForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.unitEdit)

        self.flatLabel = QLabel(self.homeBox)
        self.flatLabel.setObjectName(u"flatLabel")

        self.homeForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.flatLabel)

        self.flatEdit = QLineEdit(self.homeBox)
        self.flatEdit.setObjectName(u"flatEdit")

        self.homeForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.flatEdit)

        self.residentLabel = QLabel(self.homeBox)
        self.residentLabel.setObjectName(u"residentLabel")

        self.homeForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.residentLabel)

        self.residentEdit = QLineEdit(self.homeBox)
        self.residentEdit.setObjectName(u"residentEdit")

        self.homeForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.residentEdit)

        self.phoneLabel = QLabel(self.homeBox)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.homeForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.homeBox)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.homeForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.areaLabel = QLabel(self.homeBox)
        self.areaLabel.setObjectName(u"areaLabel")

        self.homeForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.areaLabel)

        self.areaSpin = QDoubleSpinBox(self.homeBox)
        self.areaSpin.setObjectName(u"areaSpin")
        self.areaSpin.setDecimals(1)
        self.areaSpin.setMaximum(99999.899999999994179)
        self.areaSpin.setSuffix(u" m\u00b2")

        self.homeForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.areaSpin)

        self.companyLabel = QLabel(self.homeBox)
        self.companyLabel.setObjectName(u"companyLabel")

        self.homeForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.companyLabel)

        self.companyEdit = QLineEdit(self.homeBox)
        self.companyEdit.setObjectName(u"companyEdit")

        self.homeForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.companyEdit)

        self.positionLabel = QLabel(self.homeBox)
        self.positionLabel.setObjectName(u"positionLabel")

        self.homeForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.positionLabel)

        self.positionGrid = QGridLayout()
        self.positionGrid.setObjectName(u"positionGrid")
        self.edgeCheck = QCheckBox(self.homeBox)
        self.edgeCheck.setObjectName(u"edgeCheck")

        self.positionGrid.addWidget(self.edgeCheck, 0, 0, 1, 1)

        self.topCheck = QCheckBox(self.homeBox)
        self.topCheck.setObjectName(u"topCheck")

        self.positionGrid.addWidget(self.topCheck, 0, 1, 1, 1)

        self.bottomCheck = QCheckBox(self.homeBox)
        self.bottomCheck.setObjectName(u"bottomCheck")

        self.positionGrid.addWidget(self.bottomCheck, 1, 0, 1, 1)

        self.overhangCheck = QCheckBox(self.homeBox)
        self.overhangCheck.setObjectName(u"overhangCheck")

        self.positionGrid.addWidget(self.overhangCheck, 1, 1, 1, 1)


        self.homeForm.setLayout(11, QFormLayout.ItemRole.FieldRole, self.positionGrid)


        self.pageLayout.addWidget(self.homeBox)

#if QT_CONFIG(shortcut)
        self.ticketLabel.setBuddy(self.ticketEdit)
        self.channelLabel.setBuddy(self.channelCombo)
        self.complaintLabel.setBuddy(self.complaintEdit)
        self.contactLabel.setBuddy(self.contactEdit)
        self.arrivalLabel.setBuddy(self.arrivalEdit)
        self.outdoorLabel.setBuddy(self.outdoorSpin)
        self.inspectorLabel.setBuddy(self.inspectorEdit)
        self.orgLabel.setBuddy(self.orgEdit)
        self.cityLabel.setBuddy(self.cityEdit)
        self.districtLabel.setBuddy(self.districtEdit)
        self.streetLabel.setBuddy(self.streetEdit)
        self.communityLabel.setBuddy(self.communityEdit)
        self.buildingLabel.setBuddy(self.buildingEdit)
        self.unitLabel.setBuddy(self.unitEdit)
        self.flatLabel.setBuddy(self.flatEdit)
        self.residentLabel.setBuddy(self.residentEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.areaLabel.setBuddy(self.areaSpin)
        self.companyLabel.setBuddy(self.companyEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.ticketEdit, self.channelCombo)
        QWidget.setTabOrder(self.channelCombo, self.complaintEdit)
        QWidget.setTabOrder(self.complaintEdit, self.complaintNowButton)
        QWidget.setTabOrder(self.complaintNowButton, self.contactEdit)
        QWidget.setTabOrder(self.contactEdit, self.contactNowButton)
        QWidget.setTabOrder(self.contactNowButton, self.arrivalEdit)
        QWidget.setTabOrder(self.arrivalEdit, self.arrivalNowButton)
        QWidget.setTabOrder(self.arrivalNowButton, self.outdoorSpin)
        QWidget.setTabOrder(self.outdoorSpin, self.inspectorEdit)
        QWidget.setTabOrder(self.inspectorEdit, self.orgEdit)
        QWidget.setTabOrder(self.orgEdit, self.cityEdit)
        QWidget.setTabOrder(self.cityEdit, self.districtEdit)
        QWidget.setTabOrder(self.districtEdit, self.streetEdit)
        QWidget.setTabOrder(self.streetEdit, self.communityEdit)
        QWidget.setTabOrder(self.communityEdit, self.buildingEdit)
        QWidget.setTabOrder(self.buildingEdit, self.unitEdit)
        QWidget.setTabOrder(self.unitEdit, self.flatEdit)
        QWidget.setTabOrder(self.flatEdit, self.residentEdit)
        QWidget.setTabOrder(self.residentEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.areaSpin)
        QWidget.setTabOrder(self.areaSpin, self.companyEdit)
        QWidget.setTabOrder(self.companyEdit, self.edgeCheck)
        QWidget.setTabOrder(self.edgeCheck, self.topCheck)
        QWidget.setTabOrder(self.topCheck, self.bottomCheck)
        QWidget.setTabOrder(self.bottomCheck, self.overhangCheck)

        self.retranslateUi(DetailsPage)

        QMetaObject.connectSlotsByName(DetailsPage)
    # setupUi

    def retranslateUi(self, DetailsPage):
        self.complaintBox.setTitle(QCoreApplication.translate("DetailsPage", u"Complaint and response", None))
        self.ticketLabel.setText(QCoreApplication.translate("DetailsPage", u"Tic&ket number", None))
        self.channelLabel.setText(QCoreApplication.translate("DetailsPage", u"Ch&annel", None))
        self.complaintLabel.setText(QCoreApplication.translate("DetailsPage", u"Complaint ti&me", None))
        self.complaintNowButton.setText(QCoreApplication.translate("DetailsPage", u"Now", None))
        self.contactLabel.setText(QCoreApplication.translate("DetailsPage", u"C&ontact time", None))
        self.contactNowButton.setText(QCoreApplication.translate("DetailsPage", u"Now", None))
        self.arrivalLabel.setText(QCoreApplication.translate("DetailsPage", u"A&rrival time", None))
        self.arrivalNowButton.setText(QCoreApplication.translate("DetailsPage", u"Now", None))
        self.outdoorLabel.setText(QCoreApplication.translate("DetailsPage", u"O&utdoor temperature", None))
        self.inspectorLabel.setText(QCoreApplication.translate("DetailsPage", u"&Inspector", None))
        self.orgLabel.setText(QCoreApplication.translate("DetailsPage", u"Organisation", None))
        self.homeBox.setTitle(QCoreApplication.translate("DetailsPage", u"Home and resident", None))
        self.cityLabel.setText(QCoreApplication.translate("DetailsPage", u"City", None))
        self.districtLabel.setText(QCoreApplication.translate("DetailsPage", u"District", None))
        self.streetLabel.setText(QCoreApplication.translate("DetailsPage", u"&Street", None))
        self.communityLabel.setText(QCoreApplication.translate("DetailsPage", u"Community", None))
        self.buildingLabel.setText(QCoreApplication.translate("DetailsPage", u"Buildin&g", None))
        self.unitLabel.setText(QCoreApplication.translate("DetailsPage", u"Unit", None))
        self.flatLabel.setText(QCoreApplication.translate("DetailsPage", u"&Flat", None))
        self.residentLabel.setText(QCoreApplication.translate("DetailsPage", u"Resident nam&e", None))
        self.phoneLabel.setText(QCoreApplication.translate("DetailsPage", u"&Phone", None))
        self.areaLabel.setText(QCoreApplication.translate("DetailsPage", u"Heate&d area", None))
        self.companyLabel.setText(QCoreApplication.translate("DetailsPage", u"Heating &company", None))
        self.positionLabel.setText(QCoreApplication.translate("DetailsPage", u"Position", None))
        self.edgeCheck.setText(QCoreApplication.translate("DetailsPage", u"End wall", None))
        self.topCheck.setText(QCoreApplication.translate("DetailsPage", u"Top floor", None))
        self.bottomCheck.setText(QCoreApplication.translate("DetailsPage", u"Ground floor", None))
        self.overhangCheck.setText(QCoreApplication.translate("DetailsPage", u"Over unheated space", None))
        pass
    # retranslateUi

