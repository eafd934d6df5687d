<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DetailsPage</name>
    <message>
        <location filename="../../forms/page_details.ui" line="8"/>
        <source>Complaint and response</source>
        <translation>投诉与响应</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="12"/>
        <source>&amp;Ticket number</source>
        <translation>工单号(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="21"/>
        <source>C&amp;hannel</source>
        <translation>投诉渠道(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="30"/>
        <source>Complaint &amp;time</source>
        <translation>投诉时间(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="44"/>
        <location filename="../../forms/page_details.ui" line="65"/>
        <location filename="../../forms/page_details.ui" line="86"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="51"/>
        <source>C&amp;ontact time</source>
        <translation>联系时间(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="72"/>
        <source>A&amp;rrival time</source>
        <translation>到达时间(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="98"/>
        <source>O&amp;utdoor temperature</source>
        <translation>室外温度(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="112"/>
        <source>&amp;Inspector</source>
        <translation>检测人员(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="119"/>
        <source>Organisation</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="129"/>
        <source>Home and resident</source>
        <translation>住户信息</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="133"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="142"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="151"/>
        <source>&amp;Street</source>
        <translation>街道/路(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="160"/>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="169"/>
        <source>&amp;Building</source>
        <translation>楼栋(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="178"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="187"/>
        <source>&amp;Flat</source>
        <translation>门牌(室)(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="196"/>
        <source>Resident &amp;name</source>
        <translation>用户姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="205"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="214"/>
        <source>Heated &amp;area</source>
        <translation>供热面积(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="227"/>
        <source>Heating &amp;company</source>
        <translation>供热企业(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="236"/>
        <source>Position</source>
        <translation>房屋位置</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="243"/>
        <source>End wall (边)</source>
        <translation>边户</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="248"/>
        <source>Top floor (顶)</source>
        <translation>顶层</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="253"/>
        <source>Ground floor (底)</source>
        <translation>底层</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="258"/>
        <source>Over unheated space (悬空)</source>
        <translation>悬空房</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="41"/>
        <source>Visit details</source>
        <translation>检测信息</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="44"/>
        <source>12345 hotline</source>
        <translation>12345 热线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="44"/>
        <source>12319 hotline</source>
        <translation>12319 热线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="45"/>
        <source>96118 hotline</source>
        <translation>96118 热线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="45"/>
        <source>Heating company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="46"/>
        <source>Reported on site</source>
        <translation>现场报告</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="46"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="111"/>
        <source>Contact limit: %1 min after the complaint</source>
        <translation>联系时限：投诉后 %1 分钟内</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="113"/>
        <source>Contact limit %1 min: met (%2 min)</source>
        <translation>联系时限 %1 分钟：已满足（%2 分钟）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="117"/>
        <source>Contact limit %1 min: MISSED (%2 min)</source>
        <translation>联系时限 %1 分钟：超时！（%2 分钟）</translation>
    </message>
</context>
<context>
    <name>InstrumentPage</name>
    <message>
        <location filename="../../forms/page_instrument.ui" line="8"/>
        <source>Thermometer connection</source>
        <translation>温度计连接</translation>
    </message>
    <message>
        <location filename="../../forms/page_instrument.ui" line="12"/>
        <source>&amp;Port</source>
        <translation>串口(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../forms/page_instrument.ui" line="28"/>
        <source>R&amp;efresh</source>
        <translation>刷新(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../forms/page_instrument.ui" line="33"/>
        <source>&amp;Detect protocol</source>
        <translation>自动识别协议(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../forms/page_instrument.ui" line="40"/>
        <source>P&amp;rotocol</source>
        <translation>通信协议(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../forms/page_instrument.ui" line="57"/>
        <source>Instrument and calibration certificate</source>
        <translation>仪器与检定证书</translation>
    </message>
    <message>
        <location filename="../../forms/page_instrument.ui" line="61"/>
        <source>&amp;Model</source>
        <translation>型号(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../forms/page_instrument.ui" line="68"/>
        <source>&amp;Serial number</source>
        <translation>仪器编号(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../forms/page_instrument.ui" line="75"/>
        <source>&amp;Certificate number</source>
        <translation>检定证书编号(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../forms/page_instrument.ui" line="82"/>
        <source>Certificate &amp;valid until</source>
        <translation>证书有效期至(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../forms/page_instrument.ui" line="94"/>
        <source>C&amp;orrection (°C)</source>
        <translation>修正值 (°C)(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../forms/page_instrument.ui" line="113"/>
        <source>&amp;Training visit (not evidence for a refund ruling)</source>
        <translation>培训记录（不能作为退费裁定依据）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="49"/>
        <source>Instrument</source>
        <translation>仪器</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="56"/>
        <source>%1 (emulated Center 309)</source>
        <translation>%1（模拟 Center 309）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="105"/>
        <source>Certificate valid today: a formal test is allowed.</source>
        <translation>证书今日有效：可以进行正式检测。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="110"/>
        <source>Certificate expired: a formal test is blocked. Only a training visit may run, and it is marked as training on the record and the slip.</source>
        <translation>证书已过期：不能进行正式检测。只能进行培训检测，记录和测温单上均标注为培训。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="129"/>
        <source>Choose a port first.</source>
        <translation>请先选择串口。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="133"/>
        <source>Listening on %1…</source>
        <translation>正在监听 %1…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="141"/>
        <source>No known thermometer answered on this port. Check that it is on and its output enabled.</source>
        <translation>此串口上没有识别到已知温度计。请检查温度计是否开机、数据输出是否打开。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="148"/>
        <source>Found: %1</source>
        <translation>已识别：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="156"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="157"/>
        <source>A sealed record is never changed. A correction is a new record that names this one and says why. Reason:</source>
        <translation>已签封的记录不能修改。更正将新建一条记录，注明所更正的记录及原因。更正原因：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="183"/>
        <source>Thermometer: not in use</source>
        <translation>温度计：未使用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="186"/>
        <source>Thermometer: %1</source>
        <translation>温度计：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="192"/>
        <location filename="../../forms/main_window.ui" line="12"/>
        <source>Indoor heating temperature inspection</source>
        <translation>供热室温检测</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="194"/>
        <source>DEMO (emulated thermometer, training records)</source>
        <translation>演示（模拟温度计，培训记录）</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="27"/>
        <source>&amp;Visit</source>
        <translation>检测(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="34"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="41"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="51"/>
        <source>&amp;New visit</source>
        <translation>新建检测(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="55"/>
        <source>&amp;Records</source>
        <translation>记录列表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="59"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="63"/>
        <source>&amp;Sync now</source>
        <translation>立即上传(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="68"/>
        <source>Slip paper: A4</source>
        <translation>测温单纸张：A4</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="72"/>
        <source>Slip paper: 80 mm roll</source>
        <translation>测温单纸张：80 毫米热敏纸</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <location filename="../../forms/manual_entry.ui" line="5"/>
        <source>Manual entry (flagged fallback)</source>
        <translation>手工录入（将被标注）</translation>
    </message>
    <message>
        <location filename="../../forms/manual_entry.ui" line="10"/>
        <source>Use this only when the thermometer cannot be read by the app. The readings are marked as typed in, with your reason, on the record and the slip.</source>
        <translation>仅在程序无法读取温度计时使用。手工录入的读数会连同原因标注在记录和测温单上。</translation>
    </message>
    <message>
        <location filename="../../forms/manual_entry.ui" line="20"/>
        <source>&amp;Reason (required)</source>
        <translation>原因（必填）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/manual_entry.py" line="35"/>
        <source>Reading %1</source>
        <translation>读数 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/manual_entry.py" line="39"/>
        <source>Manual entry: %1</source>
        <translation>手工录入：%1</translation>
    </message>
</context>
<context>
    <name>MeasurePage</name>
    <message>
        <location filename="../../forms/page_measure.ui" line="79"/>
        <source>&amp;Start measuring at this point</source>
        <translation>开始测量此测点(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../forms/page_measure.ui" line="84"/>
        <source>&amp;Manual entry…</source>
        <translation>手工录入…(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="51"/>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="71"/>
        <source>Point %1</source>
        <translation>测点 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="75"/>
        <source> (typed in)</source>
        <translation>（手工录入）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="78"/>
        <source>measuring</source>
        <translation>测量中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="143"/>
        <source>No rooms yet: add rooms first.</source>
        <translation>还没有房间：请先添加房间。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="146"/>
        <source>%1, point %2 of %3</source>
        <translation>%1，测点 %2 / %3</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="149"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="151"/>
        <source>place the stand, then press Start</source>
        <translation>请放好支架，然后按“开始”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="158"/>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="241"/>
        <source>Readings taken: %1 of %2 %3</source>
        <translation>已取读数：%1 / %2 %3</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="180"/>
        <source>Waiting for readings…</source>
        <translation>等待读数…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="221"/>
        <source>Done: all readings taken.</source>
        <translation>完成：读数已全部取得。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="223"/>
        <source>Settled. Taking reading %1 of %2, one every %3 s.</source>
        <translation>已稳定。正在取第 %1 / %2 个读数，每 %3 秒一个。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="227"/>
        <source>Settling: %1 of %2 within ±%3 °C (change now %4 °C).</source>
        <translation>等待稳定：%1 / %2 内变化不超过 ±%3 °C（当前变化 %4 °C）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="232"/>
        <source>The temperature moved: the readings so far were dropped and the wait starts again.</source>
        <translation>温度有变化：已取的读数作废，重新等待稳定。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="235"/>
        <source>Stable</source>
        <translation>已稳定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="237"/>
        <source>Not stable yet</source>
        <translation>尚未稳定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="254"/>
        <source>%1 point %2 done: %3 °C. </source>
        <translation>%1 测点 %2 完成：%3 °C。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="259"/>
        <source>All points are measured: press Next for the result.</source>
        <translation>所有测点已测完：按“下一步”查看结果。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="278"/>
        <source>Thermometer connected</source>
        <translation>温度计已连接</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="284"/>
        <source>Thermometer disconnected — reconnecting automatically…</source>
        <translation>温度计已断开——正在自动重连…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="296"/>
        <source>%1, point %2</source>
        <translation>%1，测点 %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="314"/>
        <source>minutes since the visit started</source>
        <translation>检测开始后的分钟数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="318"/>
        <source>Waiting for the thermometer…</source>
        <translation>等待温度计…</translation>
    </message>
</context>
<context>
    <name>PreconditionsPage</name>
    <message>
        <location filename="../../forms/page_preconditions.ui" line="10"/>
        <source>Checked in the home</source>
        <translation>现场检查项</translation>
    </message>
    <message>
        <location filename="../../forms/page_preconditions.ui" line="16"/>
        <source>Exemptions that apply</source>
        <translation>适用的免责情形</translation>
    </message>
    <message>
        <location filename="../../forms/page_preconditions.ui" line="29"/>
        <source>Doors and windows closed</source>
        <translation>门窗关闭</translation>
    </message>
    <message>
        <location filename="../../forms/page_preconditions.ui" line="33"/>
        <source>Closed &amp;since</source>
        <translation>关闭时间(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../forms/page_preconditions.ui" line="47"/>
        <source>Closed &amp;now</source>
        <translation>现在关闭(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/preconditions_page.py" line="46"/>
        <source>Preconditions</source>
        <translation>检测前提</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/preconditions_page.py" line="69"/>
        <source>Closed long enough (at least %1 min).</source>
        <translation>关闭时间已足够（至少 %1 分钟）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/preconditions_page.py" line="74"/>
        <source>Needs %1 min closed: about %2 min to go.</source>
        <translation>需关闭 %1 分钟：还需约 %2 分钟。</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../forms/records_page.ui" line="20"/>
        <source>&amp;Resume this visit</source>
        <translation>继续这次检测(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="25"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="35"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="45"/>
        <source>&amp;New visit</source>
        <translation>新建检测(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="56"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="58"/>
        <location filename="../../forms/records_page.ui" line="62"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="58"/>
        <location filename="../../forms/records_page.ui" line="68"/>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="59"/>
        <location filename="../../forms/records_page.ui" line="74"/>
        <source>Sealed</source>
        <translation>已签封</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="59"/>
        <location filename="../../forms/records_page.ui" line="80"/>
        <source>Synced</source>
        <translation>已上传</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="60"/>
        <source>Abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="65"/>
        <source>All (%1)</source>
        <translation>全部（%1）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="76"/>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="98"/>
        <source>An unfinished visit was found (ticket %1, %2, started %3). Resume it where it stopped? Everything measured so far is kept.</source>
        <translation>发现一次未完成的检测（工单 %1，%2，开始于 %3）。要从中断处继续吗？已测的数据都已保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="114"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="114"/>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="97"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="98"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="99"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="100"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="101"/>
        <source>Heating company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="102"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="109"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="114"/>
        <source>&amp;Slip…</source>
        <translation>测温单…(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="119"/>
        <source>&amp;Correction…</source>
        <translation>更正…(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../forms/page_result.ui" line="17"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../forms/page_result.ui" line="18"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../../forms/page_result.ui" line="19"/>
        <source>Point means</source>
        <translation>测点均值</translation>
    </message>
    <message>
        <location filename="../../forms/page_result.ui" line="20"/>
        <source>Room mean</source>
        <translation>房间均值</translation>
    </message>
    <message>
        <location filename="../../forms/page_result.ui" line="21"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../forms/page_result.ui" line="22"/>
        <source>Refund per day</source>
        <translation>每日退费</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="27"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="30"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="30"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="31"/>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="54"/>
        <source>Result: %1 (standard: at least %2 °C in every room)</source>
        <translation>结论：%1（标准：每个房间不低于 %2 °C）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="58"/>
        <source>Lowest room: %1, %2 °C</source>
        <translation>最低房间：%1，%2 °C</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="64"/>
        <source>Refund estimate: %1 yuan per failing day (failing area %2 m², daily fee %3 yuan/m²). Failing days run from the request until a re-test passes.</source>
        <translation>退费估算：每个不合格日 %1 元（不合格面积 %2 m²，日单价 %3 元/m²）。不合格天数自报修之日起至复测合格为止。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="72"/>
        <source>Not measured: a room of kind %1 that the profile tests.</source>
        <translation>未检测：规则要求检测的房间类型 %1。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="75"/>
        <source>A failing room has no refund band in the profile.</source>
        <translation>有不合格房间在规则中没有对应的退费档。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="77"/>
        <source>Training visit: not evidence for a refund ruling.</source>
        <translation>培训记录：不能作为退费裁定依据。</translation>
    </message>
</context>
<context>
    <name>RoomsPage</name>
    <message>
        <location filename="../../forms/page_rooms.ui" line="10"/>
        <source>Add a room</source>
        <translation>添加房间</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="14"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="21"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="28"/>
        <source>&amp;Area</source>
        <translation>面积(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="42"/>
        <source>A&amp;dd room</source>
        <translation>添加房间(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="54"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="55"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="56"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="57"/>
        <source>Points</source>
        <translation>测点数</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="64"/>
        <source>Where to place the stand</source>
        <translation>测点位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="36"/>
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="39"/>
        <source>Bedroom</source>
        <translation>卧室</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="39"/>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="47"/>
        <source>Living room</source>
        <translation>起居室（厅）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="40"/>
        <source>Other room</source>
        <translation>其他房间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="45"/>
        <source>Bedroom %1</source>
        <translation>卧室%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="47"/>
        <source>Living room %1</source>
        <translation>起居室%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="48"/>
        <source>Room %1</source>
        <translation>房间%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="106"/>
        <source>outer wall</source>
        <translation>外墙</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="106"/>
        <source>inner walls</source>
        <translation>内墙</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="107"/>
        <source>probe height</source>
        <translation>探头高度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="107"/>
        <source>window</source>
        <translation>窗</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="109"/>
        <source>This room</source>
        <translation>此房间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="111"/>
        <source>%1: 1 point in the middle of the zone.</source>
        <translation>%1：1 个测点，位于区域中央。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="113"/>
        <source>%1: %2 points spread evenly over the zone.</source>
        <translation>%1：%2 个测点，在区域内均匀分布。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="115"/>
        <source>At least %1 m from the inner face of the outer wall, at least %2 m from inner walls, probe at %3 m on a stand (not hand-held), people at least %4 m away.</source>
        <translation>距外墙内表面不小于 %1 米，距内墙不小于 %2 米，探头置于支架上高 %3 米（不得手持），人员距测点不小于 %4 米。</translation>
    </message>
</context>
<context>
    <name>SigningPage</name>
    <message>
        <location filename="../../forms/page_signing.ui" line="10"/>
        <source>1. Inspector</source>
        <translation>1. 检测人员</translation>
    </message>
    <message>
        <location filename="../../forms/page_signing.ui" line="16"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../forms/page_signing.ui" line="37"/>
        <location filename="../../forms/page_signing.ui" line="88"/>
        <location filename="../../forms/page_signing.ui" line="145"/>
        <source>Undo stroke</source>
        <translation>撤销一笔</translation>
    </message>
    <message>
        <location filename="../../forms/page_signing.ui" line="42"/>
        <location filename="../../forms/page_signing.ui" line="93"/>
        <location filename="../../forms/page_signing.ui" line="150"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../forms/page_signing.ui" line="52"/>
        <source>2. Resident</source>
        <translation>2. 用户</translation>
    </message>
    <message>
        <location filename="../../forms/page_signing.ui" line="56"/>
        <source>Resident &amp;refuses to sign</source>
        <translation>用户拒绝签字(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../forms/page_signing.ui" line="67"/>
        <source>N&amp;ame</source>
        <translation>姓名(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../forms/page_signing.ui" line="106"/>
        <source>Reas&amp;on</source>
        <translation>原因(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../forms/page_signing.ui" line="113"/>
        <source>&amp;Witness</source>
        <translation>见证人(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../forms/page_signing.ui" line="120"/>
        <source>Witness ro&amp;le</source>
        <translation>见证人身份(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../forms/page_signing.ui" line="176"/>
        <source>&amp;Seal the record</source>
        <translation>签封记录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../forms/page_signing.ui" line="181"/>
        <source>Preview and print the &amp;slip…</source>
        <translation>预览并打印测温单…(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="67"/>
        <source>Sign and seal</source>
        <translation>签字签封</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="97"/>
        <source>Ready to seal.</source>
        <translation>可以签封。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="137"/>
        <source>Sealing the record…</source>
        <translation>正在签封记录…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="176"/>
        <source>Sealed: the record can no longer be changed. Check code %1</source>
        <translation>已签封：记录不能再修改。校验码 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="194"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="58"/>
        <source>A4 (four copies, one per page)</source>
        <translation>A4（四联，每联一页）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="59"/>
        <source>80 mm roll (thermal printer)</source>
        <translation>80 毫米热敏纸卷</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="82"/>
        <source>This visit is not sealed: there is no slip yet.</source>
        <translation>此记录尚未签封：还没有测温单。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="86"/>
        <source>Preparing the slip…</source>
        <translation>正在生成测温单…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="110"/>
        <source>%1 page(s)</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="122"/>
        <source>Preparing pages for the printer…</source>
        <translation>正在准备打印页面…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="136"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="141"/>
        <source>Save slip as PDF</source>
        <translation>将测温单保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="148"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>SlipPreviewDialog</name>
    <message>
        <location filename="../../forms/slip_preview.ui" line="5"/>
        <source>Test slip</source>
        <translation>测温记录单</translation>
    </message>
    <message>
        <location filename="../../forms/slip_preview.ui" line="12"/>
        <source>&amp;Paper</source>
        <translation>纸张(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../forms/slip_preview.ui" line="38"/>
        <source>&amp;Print…</source>
        <translation>打印…(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../forms/slip_preview.ui" line="43"/>
        <source>Save as P&amp;DF…</source>
        <translation>保存为 PDF…(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../forms/slip_preview.ui" line="53"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../inspector_app/ui/sync_status.py" line="48"/>
        <source>Outbox: %1 to send</source>
        <translation>待上传：%1 条</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_status.py" line="50"/>
        <source>%1 refused</source>
        <translation>被拒收 %1 条</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_status.py" line="60"/>
        <source>Syncing…</source>
        <translation>正在上传…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_status.py" line="80"/>
        <source>Sync failed: %1</source>
        <translation>上传失败：%1</translation>
    </message>
</context>
<context>
    <name>VisitWizard</name>
    <message>
        <location filename="../../inspector_app/ui/visit/wizard.py" line="274"/>
        <location filename="../../forms/visit_wizard.ui" line="10"/>
        <source>TRAINING — not evidence</source>
        <translation>培训——不作为证据</translation>
    </message>
    <message>
        <location filename="../../forms/visit_wizard.ui" line="23"/>
        <source>Back to records</source>
        <translation>返回记录列表</translation>
    </message>
    <message>
        <location filename="../../forms/visit_wizard.ui" line="50"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../forms/visit_wizard.ui" line="60"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
</context>
</TS>
