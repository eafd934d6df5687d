<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../../inspector_app/ui/about.py" line="19"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/about.py" line="20"/>
        <source>Indoor heating temperature inspection</source>
        <translation>供热室温检测</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/about.py" line="24"/>
        <source>Program version: %1</source>
        <translation>程序版本：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/about.py" line="25"/>
        <source>Record format: %1</source>
        <translation>记录格式：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/about.py" line="26"/>
        <source>Data schema version: %1</source>
        <translation>数据结构版本：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/about.py" line="27"/>
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
</context>
<context>
    <name>ActualDaysDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="334"/>
        <source>Actual days of heating period %1</source>
        <translation>供热期 %1 的实际日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="336"/>
        <source>%1, %2, %3: announced %4 to %5.</source>
        <translation>%1，%2，%3：公布供热期 %4 至 %5。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="342"/>
        <source>Actual &amp;start</source>
        <translation>实际开始供热日(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="342"/>
        <source>&amp;Which days</source>
        <translation>登记(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="343"/>
        <source>Actual &amp;end</source>
        <translation>实际停止供热日(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="348"/>
        <source>the actual start</source>
        <translation>实际开始供热日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="349"/>
        <source>the actual end</source>
        <translation>实际停止供热日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="350"/>
        <source>both</source>
        <translation>两者</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="353"/>
        <source>Save days</source>
        <translation>保存日期</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="78"/>
        <source>Dispatch ticket %1</source>
        <translation>派发工单 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="79"/>
        <source>Ticket %1, %2
Choose the inspector whose laptops get it:</source>
        <translation>工单 %1，%2
请选择接收此工单的检测人员（工单将同步到其电脑）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="82"/>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="83"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="70"/>
        <source>Loading the inspectors…</source>
        <translation>正在加载检测人员…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="128"/>
        <source>%1 — %2 — %3 laptop(s)</source>
        <translation>%1 — %2 — %3 台电脑</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="129"/>
        <source>all districts</source>
        <translation>全部区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="134"/>
        <source>(holds it now)</source>
        <translation>（当前负责）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="139"/>
        <source>No laptop is enrolled for this inspector.</source>
        <translation>该检测人员没有已注册的电脑。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="117"/>
        <source>No inspector accounts in this district.</source>
        <translation>本区没有检测人员账户。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="147"/>
        <source>never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="151"/>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="152"/>
        <source>last sync %1</source>
        <translation>最后同步 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/assign_dialog.py" line="174"/>
        <source>Dispatching…</source>
        <translation>正在派单…</translation>
    </message>
</context>
<context>
    <name>AssignmentsPage</name>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="129"/>
        <source>The assignments could not be read from this laptop&apos;s store: %1</source>
        <translation>无法从本机读取派单：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="141"/>
        <source>unexpected error (%1)</source>
        <translation>意外错误（%1）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="183"/>
        <source>Assignments (%1)</source>
        <translation>派单（%1）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="186"/>
        <source>No tickets are assigned to this laptop. Sync to fetch new ones.</source>
        <translation>本机暂无派单。请同步以获取新的工单。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="197"/>
        <source>a visit was started on it: the visit is kept</source>
        <translation>已开始检测，检测记录保留</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="199"/>
        <source>visit started</source>
        <translation>已开始检测</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="201"/>
        <source>visit at %1</source>
        <translation>约定上门 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="206"/>
        <source>contacted after %1 min</source>
        <translation>联系用时 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="208"/>
        <source>%1 failed attempts</source>
        <translation>联系未成功 %1 次</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="212"/>
        <source>%1 not yet sent</source>
        <translation>%1 条待发送</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="218"/>
        <source>withdrawn by the office: %1</source>
        <translation>办公室已撤回：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="219"/>
        <source>withdrawn by the office</source>
        <translation>办公室已撤回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="224"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="225"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="240"/>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="243"/>
        <source>OVERDUE</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="258"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="260"/>
        <source>Never synced: no assignments fetched yet</source>
        <translation>尚未同步：还没有获取派单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="263"/>
        <source>Synced just now</source>
        <translation>刚刚同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="265"/>
        <source>Last synced %1 min ago</source>
        <translation>最后同步于 %1 分钟前</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="266"/>
        <source>Last synced %1 h ago</source>
        <translation>最后同步于 %1 小时前</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="297"/>
        <source>&amp;Continue visit</source>
        <translation>继续检测(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="298"/>
        <location filename="../../forms/assignments_page.ui" line="81"/>
        <source>St&amp;art visit</source>
        <translation>开始检测(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/page.py" line="324"/>
        <source>Recorded for ticket %1; it reaches the office with the next sync.</source>
        <translation>工单 %1 已记录，下次同步时发送到办公室。</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="10"/>
        <source>Assignments</source>
        <translation>派单</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="22"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="27"/>
        <source>&amp;Records</source>
        <translation>记录列表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="38"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="39"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="40"/>
        <source>Resident</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="41"/>
        <source>Complaint time</source>
        <translation>投诉时间</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="42"/>
        <source>Since complaint</source>
        <translation>距投诉</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="43"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="44"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="56"/>
        <source>Contacte&amp;d…</source>
        <translation>已联系(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="66"/>
        <source>A&amp;gree visit time…</source>
        <translation>约定上门时间(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="61"/>
        <source>&amp;Failed attempt…</source>
        <translation>联系未成功(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../forms/assignments_page.ui" line="71"/>
        <source>&amp;Unreachable…</source>
        <translation>联系不上(&amp;U)…</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../inspector_app/ui/visit/camera_dialog.py" line="33"/>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/camera_dialog.py" line="42"/>
        <source>Capture</source>
        <translation>拍摄</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/camera_dialog.py" line="43"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="205"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="205"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="205"/>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="205"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="208"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="208"/>
        <source>Point</source>
        <translation>监测点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="208"/>
        <source>Daily mean °C</source>
        <translation>日均温度 °C</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="208"/>
        <source>Samples</source>
        <translation>采样数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="209"/>
        <source>Failing days</source>
        <translation>不达标天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="211"/>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="237"/>
        <source>Monitoring (%1)</source>
        <translation>固定监测点（%1）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="212"/>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="379"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="224"/>
        <source>Choose a case in the list.</source>
        <translation>请在列表中选择一个案件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="251"/>
        <source>Case %1 · season %2 · %3</source>
        <translation>案件 %1 · 供热期 %2 · %3</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="253"/>
        <source>Opened %1 by a %2 · records: %3, tickets: %4</source>
        <translation>立案 %1（依据：%2）· 记录 %3 条，工单 %4 张</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="261"/>
        <source>Failing days so far: %1 · estimated refund %2 yuan</source>
        <translation>截至今日不达标 %1 天 · 预计退费 %2 元</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="275"/>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="278"/>
        <source>Ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="288"/>
        <source>%1 to %2: %3</source>
        <translation>%1 至 %2：%3</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="291"/>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="309"/>
        <source>record %1 (laptop %2, no. %3 of its chain)</source>
        <translation>记录 %1（设备 %2，链上第 %3 条）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="315"/>
        <source>corrects %1</source>
        <translation>更正 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="317"/>
        <source>replaced by %1, not counted</source>
        <translation>已被 %1 更正，不计入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="320"/>
        <source>not counted: %1</source>
        <translation>不计入：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="326"/>
        <source>monitoring point %1: daily mean %2 °C</source>
        <translation>固定监测点 %1：日均 %2 °C</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="332"/>
        <source>%1 · %2 · %3 failing days · %4 yuan · %5</source>
        <translation>%1 · %2 · 不达标 %3 天 · %4 元 · %5</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="338"/>
        <source>superseded by %1</source>
        <translation>已被 %1 取代</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="359"/>
        <source>Double-click to open record %1</source>
        <translation>双击打开记录 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="380"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="381"/>
        <source>Normalised key</source>
        <translation>规范化户号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="382"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="384"/>
        <source>Merged into it</source>
        <translation>已并入的住户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="390"/>
        <source>Changes</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="400"/>
        <source>#%1 %2: %3 → %4</source>
        <translation>#%1 %2：%3 → %4</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="406"/>
        <source>undoes #%1</source>
        <translation>撤销 #%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="408"/>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
</context>
<context>
    <name>CaseLabels</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="23"/>
        <source>Open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="24"/>
        <source>Ruled</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="25"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="28"/>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="29"/>
        <source>failing test</source>
        <translation>不合格检测</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="32"/>
        <source>Failing</source>
        <translation>不达标</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="33"/>
        <source>Passing</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="34"/>
        <source>Resident refused</source>
        <translation>用户无正当理由拒绝</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="35"/>
        <source>Company stop</source>
        <translation>供热企业停热</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="36"/>
        <source>Company failed to test or sign</source>
        <translation>供热企业未检测或未签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="37"/>
        <source>Failing (monitoring point)</source>
        <translation>不达标（固定监测点）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="38"/>
        <source>Passing (monitoring point)</source>
        <translation>达标（固定监测点）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="41"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="42"/>
        <source>Resident contacted</source>
        <translation>已联系用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="43"/>
        <source>Test</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="44"/>
        <source>Re-test</source>
        <translation>复测</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="45"/>
        <source>Correction</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="46"/>
        <source>Company heating stop</source>
        <translation>供热企业停热</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="47"/>
        <source>Company failed to test</source>
        <translation>供热企业未检测</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="48"/>
        <source>Company failed to sign</source>
        <translation>供热企业未签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="49"/>
        <source>Ruling</source>
        <translation>裁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="50"/>
        <source>Case withdrawn</source>
        <translation>案件撤回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="51"/>
        <source>Households merged</source>
        <translation>住户合并</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="52"/>
        <source>Merge undone</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="53"/>
        <source>Case opened</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="56"/>
        <source>replaced by its correction</source>
        <translation>已被更正记录替代</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="57"/>
        <source>failed the office&apos;s verification</source>
        <translation>未通过办公室核验</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="58"/>
        <source>synthetic record</source>
        <translation>合成记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="59"/>
        <source>training record</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="60"/>
        <source>incomplete test</source>
        <translation>检测未完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="63"/>
        <source>Refund</source>
        <translation>退费</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="64"/>
        <source>No refund</source>
        <translation>不退费</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="67"/>
        <source>failing days capped at the season&apos;s length</source>
        <translation>不达标天数以供热期天数为上限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="68"/>
        <source>amount capped at the season&apos;s fee for the failing area</source>
        <translation>金额以不达标面积的整季热费为上限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_labels.py" line="70"/>
        <source>a record tested before the ruling arrived after it</source>
        <translation>有一条在裁定前检测的记录于裁定后才到达</translation>
    </message>
</context>
<context>
    <name>CaseRulingDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="205"/>
        <source>Refund ruling on case %1</source>
        <translation>案件 %1 的退费裁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="207"/>
        <source>Case %1 · %2 · records: %3, tickets: %4 · opened %5</source>
        <translation>案件 %1 · %2 · 记录 %3 条，工单 %4 张 · 立案 %5</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="213"/>
        <source> yuan per m² per day</source>
        <translation> 元/(m²·日)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="214"/>
        <source>&amp;Daily fee</source>
        <translation>日单价(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="215"/>
        <source>Ruling da&amp;te</source>
        <translation>裁定日期(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="216"/>
        <source>Mo&amp;nitoring</source>
        <translation>固定监测点(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="217"/>
        <source>Co&amp;mment</source>
        <translation>说明(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="219"/>
        <source>Count failing days from the fixed monitoring points (%1 daily means)</source>
        <translation>依据固定监测点数据计算不达标天数（共 %1 个日均值）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="221"/>
        <source>Grounds, e.g. the re-test that passed</source>
        <translation>裁定依据，如复测合格情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="222"/>
        <source>&amp;Open earlier ruling</source>
        <translation>打开此前的裁定(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="223"/>
        <source>&amp;Issue ruling</source>
        <translation>签发裁定(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="224"/>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF…(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="225"/>
        <source>&amp;Print…</source>
        <translation>打印…(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="226"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="231"/>
        <source>The case&apos;s records name no profile this laptop knows: type the daily fee.</source>
        <translation>本案记录未注明本机已知的地区规则：请手动填写日单价。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="269"/>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="314"/>
        <source>superseded by %1</source>
        <translation>已被 %1 取代</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="275"/>
        <source>No ruling issued on this case yet</source>
        <translation>本案尚未签发裁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="293"/>
        <source>The office&apos;s estimate for today: %1 failing days, %2 yuan. Issuing asks the office to compute the ruling over every record, ticket and stop of the case.</source>
        <translation>监管平台截至今日的估算：不达标 %1 天，%2 元。签发时由监管平台依据本案全部记录、工单和停热事件计算裁定。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="303"/>
        <source>Ruling %1: %2 · %3 failing days and %4 stop days, %5 to %6 · %7 yuan</source>
        <translation>裁定书 %1：%2 · 不达标 %3 天、停热 %4 天，%5 至 %6 · %7 元</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="312"/>
        <source>Notes: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="329"/>
        <source>Daily fee %1 yuan per m², failing days counted up to %2%3.</source>
        <translation>日单价 %1 元/m²，不达标天数计算至 %2%3。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="331"/>
        <source>, with the monitoring points</source>
        <translation>，计入固定监测点数据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="332"/>
        <source>An issued ruling is kept at the office and cannot be withdrawn; only a later ruling can supersede it.</source>
        <translation>裁定一经作出即由主管部门保存，不能撤回；只能由后来的裁定取代。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="334"/>
        <source>Issue this ruling?</source>
        <translation>作出此裁定？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="335"/>
        <source>&amp;Issue</source>
        <translation>作出裁定(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="335"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="345"/>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="346"/>
        <source>Issuing the ruling at the office…</source>
        <translation>正在监管平台签发裁定…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="366"/>
        <source>Ruling %1 issued and kept at the office.</source>
        <translation>裁定书 %1 已签发，并存档于监管平台。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="379"/>
        <source>Ruling %1</source>
        <translation>裁定书 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="386"/>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="387"/>
        <source>Fetching the ruling&apos;s PDF from the office…</source>
        <translation>正在从监管平台获取裁定书 PDF…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="413"/>
        <source>Save ruling as PDF</source>
        <translation>将裁定书保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="415"/>
        <location filename="../../inspector_app/ui/supervisor/case_ruling_dialog.py" line="416"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_model.py" line="81"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_model.py" line="81"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_model.py" line="82"/>
        <source>Company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_model.py" line="82"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_model.py" line="83"/>
        <source>Opened</source>
        <translation>立案时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_model.py" line="83"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_model.py" line="84"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_model.py" line="84"/>
        <source>Failing days so far</source>
        <translation>截至今日不达标天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_model.py" line="85"/>
        <source>Estimated refund (yuan)</source>
        <translation>预计退费（元）</translation>
    </message>
</context>
<context>
    <name>CasesTab</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="192"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="234"/>
        <source>%1 cases shown, %2 open</source>
        <translation>显示 %1 个案件，其中 %2 个办理中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="291"/>
        <source>Fetching the case…</source>
        <translation>正在获取案件…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="355"/>
        <source>Households merged; the cases are recomputed.</source>
        <translation>住户已合并，相关案件已重新计算。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="367"/>
        <source>Entered; the case&apos;s failing days are recomputed.</source>
        <translation>已录入，本案不达标天数已重新计算。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="378"/>
        <source>Merge undone; the cases are recomputed.</source>
        <translation>已撤销合并，相关案件已重新计算。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="387"/>
        <source>Withdraw case %1</source>
        <translation>撤回案件 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="388"/>
        <source>Why is case %1 withdrawn (e.g. the resident withdrew the complaint)? The reason stays in the case&apos;s history.</source>
        <translation>为什么撤回案件 %1（如用户撤回投诉）？原因将保留在案件记录中。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="391"/>
        <source>Withdraw the case</source>
        <translation>撤回案件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="394"/>
        <source>Case %1 withdrawn.</source>
        <translation>案件 %1 已撤回。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="395"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="413"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="414"/>
        <source>Heating company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="415"/>
        <source>Address or household</source>
        <translation>地址或户号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="416"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="417"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="418"/>
        <source>Open record</source>
        <translation>打开记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="419"/>
        <source>Choose a test in the timeline (or double-click it) to open its record.</source>
        <translation>在时间线中选择一次检测（或双击它）即可打开其记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="421"/>
        <source>Ruling…</source>
        <translation>裁定…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="422"/>
        <source>Merge households…</source>
        <translation>合并住户…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="423"/>
        <source>Undo a merge…</source>
        <translation>撤销合并…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="424"/>
        <source>Withdraw case…</source>
        <translation>撤回案件…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="425"/>
        <source>Company failed…</source>
        <translation>企业未检测/未签字…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="426"/>
        <source>Enter a day the heating company failed to test or to sign</source>
        <translation>录入供热企业未检测或未签字的日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/cases_tab.py" line="431"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
</context>
<context>
    <name>CompanyChart</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_chart.py" line="44"/>
        <source>No tests in this season.</source>
        <translation>该供热期内没有检测记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_chart.py" line="54"/>
        <source>Failure rate by company (tests in brackets)</source>
        <translation>各供热企业不合格率（括号内为检测次数）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_chart.py" line="74"/>
        <source>mean %1 %</source>
        <translation>平均 %1 %</translation>
    </message>
</context>
<context>
    <name>CompanyEventsTab</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="169"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="201"/>
        <source>whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="221"/>
        <source>withdrawn %1</source>
        <translation>已撤回 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="222"/>
        <source>in force</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="254"/>
        <source>all districts</source>
        <translation>全部区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="256"/>
        <source>Season %1, %2: %3 stops in force (%4 withdrawn), %5 heating periods.</source>
        <translation>%1 供暖季，%2：有效停热 %3 次（已撤回 %4 次），供热期 %5 个。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="291"/>
        <source>Stop %1 entered.</source>
        <translation>已登记停热 %1。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="297"/>
        <source>Stop %1 withdrawn.</source>
        <translation>已撤回停热 %1。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="302"/>
        <source>Heating period %1 entered.</source>
        <translation>已登记供热期 %1。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="309"/>
        <source>Actual days of %1 saved.</source>
        <translation>已保存 %1 的实际日期。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="316"/>
        <source>Penalty notice draft %1 kept at the office.</source>
        <translation>处罚通知书草稿 %1 已存于监管平台。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="321"/>
        <source>Season</source>
        <translation>供暖季</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="322"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="323"/>
        <source>Heating stops (entered once ended; a wrong one is withdrawn, never edited)</source>
        <translation>停热（结束后登记；有误的撤回，不修改）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="327"/>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="336"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="327"/>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="336"/>
        <source>Heating company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="327"/>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="336"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="328"/>
        <source>Where</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="328"/>
        <source>From (China time)</source>
        <translation>开始（北京时间）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="328"/>
        <source>To (China time)</source>
        <translation>结束（北京时间）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="329"/>
        <source>Hours</source>
        <translation>小时数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="329"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="329"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="330"/>
        <source>&amp;Add stop…</source>
        <translation>登记停热…(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="331"/>
        <source>&amp;Withdraw stop…</source>
        <translation>撤回停热…(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="332"/>
        <source>Heating periods and penalty notice drafts (Art. 33 of the Jilin urban heating regulation)</source>
        <translation>供热期与处罚通知书草稿（《吉林省城市供热条例》第三十三条）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="337"/>
        <source>Area</source>
        <translation>供热区域</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="337"/>
        <source>Announced</source>
        <translation>公布供热期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="337"/>
        <source>Actual start</source>
        <translation>实际开始供热</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="338"/>
        <source>Actual end</source>
        <translation>实际停止供热</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="338"/>
        <source>Days started late</source>
        <translation>推迟供热天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="338"/>
        <source>Days stopped early</source>
        <translation>提前停热天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="339"/>
        <source>Notice drafts in force</source>
        <translation>有效的通知书草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="340"/>
        <source>Add &amp;period…</source>
        <translation>登记供热期…(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="341"/>
        <source>Actual &amp;days…</source>
        <translation>实际日期…(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_tab.py" line="342"/>
        <source>Penalty no&amp;tice…</source>
        <translation>处罚通知书…(&amp;T)</translation>
    </message>
</context>
<context>
    <name>CompanyEventsTable</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_table.py" line="36"/>
        <source>Heating company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_table.py" line="36"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_table.py" line="36"/>
        <source>Heating stops</source>
        <translation>停热次数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_table.py" line="37"/>
        <source>Stop hours</source>
        <translation>停热小时数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_table.py" line="37"/>
        <source>Days started late</source>
        <translation>推迟供热天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_table.py" line="38"/>
        <source>Days stopped early</source>
        <translation>提前停热天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_table.py" line="38"/>
        <source>Heating periods entered</source>
        <translation>已登记供热期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_table.py" line="39"/>
        <source>Penalty notice drafts</source>
        <translation>处罚通知书草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_table.py" line="42"/>
        <source>Company events: heating stops, late starts and early stops (Art. 33 of the Jilin urban heating regulation)</source>
        <translation>供热企业事件：停热、推迟开始供热与提前停止供热（《吉林省城市供热条例》第三十三条）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_table.py" line="58"/>
        <source>No heating stop, heating period or penalty notice entered for this season.</source>
        <translation>本供暖季尚未登记停热、供热期或处罚通知书。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_events_table.py" line="60"/>
        <source>%1 stops; %2 days started late and %3 days stopped early.</source>
        <translation>停热 %1 次；推迟供热 %2 天，提前停热 %3 天。</translation>
    </message>
</context>
<context>
    <name>DayReadingsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/day_readings_dialog.py" line="60"/>
        <source>Readings of %1 on %2</source>
        <translation>%1 在 %2 的读数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/day_readings_dialog.py" line="63"/>
        <source>%1 readings, %2 of them flagged and left out of the day&apos;s figures.</source>
        <translation>共 %1 条读数，其中 %2 条带有标记，未计入当日数据。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/day_readings_dialog.py" line="66"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/day_readings_dialog.py" line="66"/>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/day_readings_dialog.py" line="67"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/day_readings_dialog.py" line="72"/>
        <location filename="../../inspector_app/ui/supervisor/day_readings_dialog.py" line="80"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/day_readings_dialog.py" line="80"/>
        <source>Gaps: %1</source>
        <translation>数据中断：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/day_readings_dialog.py" line="81"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>DaysTable</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="127"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="127"/>
        <source>Counts as</source>
        <translation>计为</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="127"/>
        <source>Share</source>
        <translation>退费比例</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_detail.py" line="127"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
</context>
<context>
    <name>DemoClockBanner</name>
    <message>
        <location filename="../../inspector_app/ui/visit/demo_clock.py" line="39"/>
        <source>Demo: time runs ×%1 faster</source>
        <translation>演示：时间 ×%1 加速</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <location filename="../../forms/page_details.ui" line="8"/>
        <source>Complaint and response</source>
        <translation>投诉与响应</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="21"/>
        <source>Ch&amp;annel</source>
        <translation>投诉渠道(&amp;A)</translation>
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
        <location filename="../../forms/page_details.ui" line="205"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="214"/>
        <source>Heate&amp;d area</source>
        <translation>供热面积(&amp;D)</translation>
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
        <location filename="../../inspector_app/ui/visit/details_page.py" line="89"/>
        <source>From the office&apos;s dispatched ticket %1: the ticket, complaint time, address, resident and company are the office&apos;s and cannot be changed here.</source>
        <translation>来自办公室派单 %1：工单号、投诉时间、地址、用户和供热企业以办公室的工单为准，此处不能修改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="95"/>
        <source>Typed at the door (no dispatched ticket): enter the complaint as the resident or the hotline gives it.</source>
        <translation>现场录入（无派单）：请按用户或热线提供的信息填写投诉内容。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="100"/>
        <source>Visit details</source>
        <translation>检测信息</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="103"/>
        <source>12345 hotline</source>
        <translation>12345 热线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="103"/>
        <source>12319 hotline</source>
        <translation>12319 热线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="104"/>
        <source>96118 hotline</source>
        <translation>96118 热线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="104"/>
        <source>Heating company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="105"/>
        <source>Reported on site</source>
        <translation>现场报告</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="105"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="105"/>
        <source>Fixed monitoring point</source>
        <translation>固定监测点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="176"/>
        <source>Contact limit: %1 min after the complaint</source>
        <translation>联系时限：投诉后 %1 分钟内</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="178"/>
        <source>Contact limit %1 min: met (%2 min)</source>
        <translation>联系时限 %1 分钟：已满足（%2 分钟）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/details_page.py" line="182"/>
        <source>Contact limit %1 min: MISSED (%2 min)</source>
        <translation>联系时限 %1 分钟：超时！（%2 分钟）</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="12"/>
        <source>Tic&amp;ket number</source>
        <translation>工单号(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="30"/>
        <source>Complaint ti&amp;me</source>
        <translation>投诉时间(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="169"/>
        <source>Buildin&amp;g</source>
        <translation>楼栋(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="196"/>
        <source>Resident nam&amp;e</source>
        <translation>用户姓名(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="243"/>
        <source>End wall</source>
        <translation>边户</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="248"/>
        <source>Top floor</source>
        <translation>顶层</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="253"/>
        <source>Ground floor</source>
        <translation>底层</translation>
    </message>
    <message>
        <location filename="../../forms/page_details.ui" line="258"/>
        <source>Over unheated space</source>
        <translation>悬空房</translation>
    </message>
</context>
<context>
    <name>FailureDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="228"/>
        <source>Company failed to test or to sign</source>
        <translation>供热企业未检测或未签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="229"/>
        <source>Case %1: a day the heating company failed to test or to sign counts as failing, as the profile says.</source>
        <translation>案件 %1：供热企业未检测或未签字的日期，按地区规则计为不达标。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="232"/>
        <source>&amp;What</source>
        <translation>事项(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="234"/>
        <source>&amp;Day</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="236"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="239"/>
        <source>the company failed to test</source>
        <translation>供热企业未检测</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="240"/>
        <source>the company failed to sign</source>
        <translation>供热企业未签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="242"/>
        <source>Enter</source>
        <translation>录入</translation>
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
        <location filename="../../forms/page_instrument.ui" line="94"/>
        <source>C&amp;orrection (°C)</source>
        <translation>修正值 (°C)(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="58"/>
        <source>Instrument</source>
        <translation>仪器</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="78"/>
        <source>%1 (emulated Center 309)</source>
        <translation>%1（模拟 Center 309）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="127"/>
        <source>Certificate valid today: a formal test is allowed.</source>
        <translation>证书今日有效：可以进行正式检测。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="132"/>
        <source>Certificate expired: a formal test is blocked. Only a training visit may run, and it is marked as training on the record and the slip.</source>
        <translation>证书已过期：不能进行正式检测。只能进行培训检测，记录和测温单上均标注为培训。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="151"/>
        <source>Choose a port first.</source>
        <translation>请先选择串口。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="155"/>
        <source>Listening on %1…</source>
        <translation>正在监听 %1…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="163"/>
        <source>No known thermometer answered on this port. Check that it is on and its output enabled.</source>
        <translation>此串口上没有识别到已知温度计。请检查温度计是否开机、数据输出是否打开。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="170"/>
        <source>Found: %1</source>
        <translation>已识别：%1</translation>
    </message>
    <message>
        <location filename="../../forms/page_instrument.ui" line="82"/>
        <source>Certificate valid &amp;until</source>
        <translation>证书有效期至(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../forms/page_instrument.ui" line="113"/>
        <source>Trainin&amp;g visit (not evidence for a refund ruling)</source>
        <translation>培训记录（不能作为退费裁定依据）(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="65"/>
        <source>Simulated thermometer (demo and training)</source>
        <translation>模拟温度计（演示和培训）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/instrument_page.py" line="66"/>
        <source>Modbus RTU temperature and humidity transmitter (XY-MD02)</source>
        <translation>Modbus RTU 温湿度变送器（XY-MD02）</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/login_dialog.py" line="47"/>
        <source>Enter the office address, your user name and your password.</source>
        <translation>请输入监管平台地址、用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/login_dialog.py" line="51"/>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="223"/>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="224"/>
        <source>A sealed record is never changed. A correction is a new record that names this one and says why. Reason:</source>
        <translation>已签封的记录不能修改。更正将新建一条记录，注明所更正的记录及原因。更正原因：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="269"/>
        <source>Thermometer: not in use</source>
        <translation>温度计：未使用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="272"/>
        <source>Thermometer: %1</source>
        <translation>温度计：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="278"/>
        <location filename="../../forms/main_window.ui" line="12"/>
        <source>Indoor heating temperature inspection</source>
        <translation>供热室温检测</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="280"/>
        <source>DEMO (emulated thermometer, training records)</source>
        <translation>演示（模拟温度计，培训记录）</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="27"/>
        <source>&amp;Visit</source>
        <translation>检测(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="35"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="43"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="48"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="58"/>
        <source>&amp;New visit</source>
        <translation>新建检测(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="62"/>
        <source>&amp;Records</source>
        <translation>记录列表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="66"/>
        <source>&amp;Assignments</source>
        <translation>派单(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="97"/>
        <source>&amp;About…</source>
        <translation>关于…(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="303"/>
        <location filename="../../forms/main_window.ui" line="70"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="74"/>
        <source>&amp;Sync now</source>
        <translation>立即上传(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="78"/>
        <source>Super&amp;visor review…</source>
        <translation>监管审核…(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="82"/>
        <source>Slip paper: A4</source>
        <translation>测温单纸张：A4</translation>
    </message>
    <message>
        <location filename="../../forms/main_window.ui" line="86"/>
        <source>Slip paper: 80 mm roll</source>
        <translation>测温单纸张：80 毫米热敏纸</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="299"/>
        <source>Quit while measuring?</source>
        <translation>测量中退出？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="300"/>
        <source>A point is being measured. If you quit now, the readings taken so far are kept, but this point&apos;s stability wait starts again when the visit is resumed.</source>
        <translation>正在测量一个测点。现在退出，已取得的读数会保留，但继续检测时该测点需重新等待稳定。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="303"/>
        <source>&amp;Keep measuring</source>
        <translation>继续测量(&amp;K)</translation>
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
        <location filename="../../inspector_app/ui/visit/manual_entry.py" line="40"/>
        <source>Manual entry: %1</source>
        <translation>手工录入：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/manual_entry.py" line="34"/>
        <source>Reading %1 (°C)</source>
        <translation>读数 %1（°C）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/manual_entry.py" line="38"/>
        <source>Required: why the thermometer could not be read</source>
        <translation>必填：温度计为何无法读取</translation>
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
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="54"/>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="74"/>
        <source>Point %1</source>
        <translation>测点 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="78"/>
        <source> (typed in)</source>
        <translation>（手工录入）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="81"/>
        <source>measuring</source>
        <translation>测量中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="146"/>
        <source>No rooms yet: add rooms first.</source>
        <translation>还没有房间：请先添加房间。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="149"/>
        <source>%1, point %2 of %3</source>
        <translation>%1，测点 %2 / %3</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="152"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="154"/>
        <source>place the stand, then press Start</source>
        <translation>请放好支架，然后按“开始”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="161"/>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="244"/>
        <source>Readings taken: %1 of %2 %3</source>
        <translation>已取读数：%1 / %2 %3</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="183"/>
        <source>Waiting for readings…</source>
        <translation>等待读数…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="224"/>
        <source>Done: all readings taken.</source>
        <translation>完成：读数已全部取得。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="226"/>
        <source>Settled. Taking reading %1 of %2, one every %3 s.</source>
        <translation>已稳定。正在取第 %1 / %2 个读数，每 %3 秒一个。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="230"/>
        <source>Settling: %1 of %2 within ±%3 °C (change now %4 °C).</source>
        <translation>等待稳定：%1 / %2 内变化不超过 ±%3 °C（当前变化 %4 °C）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="235"/>
        <source>The temperature moved: the readings so far were dropped and the wait starts again.</source>
        <translation>温度有变化：已取的读数作废，重新等待稳定。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="238"/>
        <source>Stable</source>
        <translation>已稳定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="240"/>
        <source>Not stable yet</source>
        <translation>尚未稳定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="257"/>
        <source>%1 point %2 done: %3 °C. </source>
        <translation>%1 测点 %2 完成：%3 °C。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="262"/>
        <source>All points are measured: press Next for the result.</source>
        <translation>所有测点已测完：按“下一步”查看结果。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="281"/>
        <source>Thermometer connected</source>
        <translation>温度计已连接</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="287"/>
        <source>Thermometer disconnected — reconnecting automatically…</source>
        <translation>温度计已断开——正在自动重连…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="299"/>
        <source>%1, point %2</source>
        <translation>%1，测点 %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="317"/>
        <source>minutes since the visit started</source>
        <translation>检测开始后的分钟数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/measure_page.py" line="321"/>
        <source>Waiting for the thermometer…</source>
        <translation>等待温度计…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="129"/>
        <source>Merge households</source>
        <translation>合并住户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="130"/>
        <source>This case&apos;s household: %1
%2
Merge it with a household whose address was written another way (the same flat). The merge is audited and can be undone by a split.</source>
        <translation>本案住户：%1
%2
与地址写法不同的同一住户合并。合并会记入审计记录，可以撤销。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="135"/>
        <source>&amp;Find by address</source>
        <translation>按地址查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="137"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="138"/>
        <source>part of the address, e.g. community and building</source>
        <translation>地址的一部分，如小区和楼号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="140"/>
        <source>Other &amp;household</source>
        <translation>另一住户(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="143"/>
        <source>&amp;Direction</source>
        <translation>合并方向(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="147"/>
        <source>the other household joins this one</source>
        <translation>另一住户并入本户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="148"/>
        <source>this household joins the other one</source>
        <translation>本户并入另一住户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="150"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="180"/>
        <source>No other household found.</source>
        <translation>未找到其他住户。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="190"/>
        <source>Choose the other household (h and 20 hex digits).</source>
        <translation>请选择另一住户（h 加 20 位十六进制数字）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="192"/>
        <source>That is this case&apos;s own household.</source>
        <translation>这就是本案的住户。</translation>
    </message>
</context>
<context>
    <name>MonitoringLabels</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="26"/>
        <source>Reporting</source>
        <translation>在报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="27"/>
        <source>Silent</source>
        <translation>静默</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="28"/>
        <source>Flagged</source>
        <translation>有标记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="29"/>
        <source>Removed</source>
        <translation>已拆除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="32"/>
        <source>Compliant</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="33"/>
        <source>Below standard</source>
        <translation>不达标</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="34"/>
        <source>Too few readings</source>
        <translation>数据不足</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="37"/>
        <source>out of range</source>
        <translation>超出量程</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="38"/>
        <source>clock drift</source>
        <translation>时钟漂移</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="39"/>
        <source>duplicate</source>
        <translation>重复上报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="40"/>
        <source>spike</source>
        <translation>尖峰</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="41"/>
        <source>flat line</source>
        <translation>数值不变</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="44"/>
        <source>top floor</source>
        <translation>顶层</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="45"/>
        <source>ground floor</source>
        <translation>底层</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="46"/>
        <source>end wall</source>
        <translation>山墙</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="47"/>
        <source>over unheated space</source>
        <translation>下方不采暖</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="50"/>
        <source>Bedroom</source>
        <translation>卧室</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="51"/>
        <source>Living room</source>
        <translation>客厅</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="52"/>
        <source>Other room</source>
        <translation>其他房间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_labels.py" line="58"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>MonitoringTab</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="250"/>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="439"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="299"/>
        <source>%1 points shown</source>
        <translation>显示 %1 个监测点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="367"/>
        <source>Open ticket</source>
        <translation>开工单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="369"/>
        <source>Open a complaint ticket for the dispatcher: the point has been below the standard for %1 hours.</source>
        <translation>为调度开一张投诉工单：该监测点已低于标准 %1 小时。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="390"/>
        <source>Ticket %1 opened for the dispatcher.</source>
        <translation>已为调度开出工单 %1。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="451"/>
        <source>No monitoring days in this season.</source>
        <translation>本采暖季没有监测数据。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="455"/>
        <source>Season of a household&apos;s points</source>
        <translation>住户监测点的采暖季</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="457"/>
        <source>Season at %1 (double-click a day for its readings)</source>
        <translation>%1 的采暖季（双击某日查看当日读数）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="463"/>
        <source>Fetching the readings…</source>
        <translation>正在读取读数…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="475"/>
        <source>All points</source>
        <translation>全部监测点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="482"/>
        <source>Below the standard now (%1), for at least</source>
        <translation>当前低于标准（%1 户），持续至少</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="487"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="488"/>
        <source>Heating company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="489"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="490"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="492"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="493"/>
        <source>Refresh list</source>
        <translation>刷新列表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="495"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="495"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="496"/>
        <source>Below since</source>
        <translation>低于标准起始</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="495"/>
        <source>Hours</source>
        <translation>小时数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="495"/>
        <source>Latest</source>
        <translation>最新温度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="496"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="497"/>
        <source>Season:</source>
        <translation>采暖季：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_tab.py" line="364"/>
        <source>A ticket is open for this household: %1</source>
        <translation>该住户已有未结工单：%1</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="454"/>
        <source>Penalty notice draft on heating period %1</source>
        <translation>供热期 %1 的处罚通知书草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="457"/>
        <source>%1, %2, %3: %4 days started late, %5 days stopped early. The office computes the heat fee of the days not heated and the fine (Art. 33 of the Jilin urban heating regulation), numbers the draft and keeps it; a new draft of the same kind supersedes the earlier one.</source>
        <translation>%1，%2，%3：推迟供热 %4 天，提前停热 %5 天。监管平台计算未供热天数的热费和罚款（《吉林省城市供热条例》第三十三条），为草稿编号并存档；同一类型的新草稿取代先前的草稿。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="466"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="466"/>
        <source>&amp;Multiple</source>
        <translation>倍数(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="467"/>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="471"/>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="499"/>
        <source>late start of heating</source>
        <translation>推迟开始供热</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="472"/>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="500"/>
        <source>early stop of heating</source>
        <translation>提前停止供热</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="474"/>
        <source>e.g. 3 or 2.5</source>
        <translation>例如 3 或 2.5</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="475"/>
        <source>why this multiple</source>
        <translation>选择该倍数的理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="478"/>
        <source>The district&apos;s rules allow %1 to %2 times the fee of the days not heated.</source>
        <translation>本区规则：罚款为未供热天数热费的 %1 至 %2 倍。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="480"/>
        <source>The range of multiples is the district&apos;s rules&apos; (Changchun: 2 to 10 times the fee of the days not heated); the office refuses one outside it, naming the range.</source>
        <translation>倍数范围由本区规则规定（长春：未供热天数热费的 2 至 10 倍）；超出范围的，监管平台拒绝并给出范围。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="483"/>
        <source>&amp;Drafts</source>
        <translation>草稿(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="484"/>
        <source>&amp;Open draft</source>
        <translation>打开草稿(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="486"/>
        <source>Draft notice</source>
        <translation>起草通知书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="487"/>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF…(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="488"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="506"/>
        <source>superseded by %1</source>
        <translation>已被 %1 取代</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="511"/>
        <source>No draft on this period yet</source>
        <translation>本供热期尚无草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="529"/>
        <source>Give the multiple.</source>
        <translation>请填写倍数。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="531"/>
        <source>Give the reason for the multiple: it is written on the notice.</source>
        <translation>请填写选择倍数的理由：它将写在通知书上。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="562"/>
        <source>Draft %1: %2 days not heated; heat fee of those days %3 yuan; range %4 to %5 yuan; at %6 times the fine is %7 yuan.</source>
        <translation>草稿 %1：未供热 %2 天；这些天的热费 %3 元；罚款范围 %4 至 %5 元；按 %6 倍，罚款 %7 元。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="589"/>
        <source>Draft %1 kept at the office.</source>
        <translation>草稿 %1 已存于监管平台。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="603"/>
        <source>Save penalty notice draft as PDF</source>
        <translation>将处罚通知书草稿保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="607"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>OfficeForm</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/office_form.py" line="74"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/office_form.py" line="116"/>
        <source>Sending to the office…</source>
        <translation>正在提交监管平台…</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="261"/>
        <source>Enter a heating period, season %1</source>
        <translation>登记供热期（%1 供暖季）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="264"/>
        <source>The start and end of heating the company announced for the season, one per area. The actual days are entered once they have come.</source>
        <translation>供热企业公布的本供暖季开始和停止供热日期，每个区域一条。实际日期到了再登记。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="267"/>
        <source>Heating &amp;company</source>
        <translation>供热企业(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="267"/>
        <source>&amp;District</source>
        <translation>区(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="267"/>
        <source>&amp;Area heated</source>
        <translation>供热区域(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="268"/>
        <source>Heated area (&amp;m²)</source>
        <translation>供热面积（平方米）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="268"/>
        <source>&amp;Fee per m² for the season (yuan)</source>
        <translation>每平方米供暖季热费（元）(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="269"/>
        <source>Announced &amp;start</source>
        <translation>公布开始供热日(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="269"/>
        <source>Announced &amp;end</source>
        <translation>公布停止供热日(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="271"/>
        <source>in words, or a community</source>
        <translation>文字说明，或小区名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="274"/>
        <source>Enter period</source>
        <translation>登记供热期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="278"/>
        <source>Give the heating company.</source>
        <translation>请填写供热企业。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="279"/>
        <source>Give the district.</source>
        <translation>请填写区。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="280"/>
        <source>Give the area heated.</source>
        <translation>请填写供热区域。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="281"/>
        <source>Give the heated area in m².</source>
        <translation>请填写供热面积（平方米）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="282"/>
        <source>Give the fee per m².</source>
        <translation>请填写每平方米热费。</translation>
    </message>
</context>
<context>
    <name>PhotoBar</name>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="88"/>
        <source>Photos: %1</source>
        <translation>照片：%1 张</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="91"/>
        <source>Attach photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="92"/>
        <source>Take photo…</source>
        <translation>拍照…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="102"/>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="103"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="127"/>
        <source>Preparing the photo…</source>
        <translation>正在处理照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="148"/>
        <source>Photo attached (%1 × %2 pixels).</source>
        <translation>照片已添加（%1 × %2 像素）。</translation>
    </message>
</context>
<context>
    <name>PhotoDetailsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="166"/>
        <source>Attach photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="169"/>
        <source>Thermometer display</source>
        <translation>温度计读数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="170"/>
        <source>Windows and doors closed</source>
        <translation>门窗关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="171"/>
        <source>Radiator</source>
        <translation>暖气片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="171"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="176"/>
        <source>Shows</source>
        <translation>照片内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="177"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="178"/>
        <source>Attached to</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/photo_attach.py" line="178"/>
        <source>the visit</source>
        <translation>本次检测</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/photo_strip.py" line="152"/>
        <source>Thermometer display</source>
        <translation>温度计读数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/photo_strip.py" line="153"/>
        <source>Windows and doors closed</source>
        <translation>门窗关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/photo_strip.py" line="154"/>
        <source>Radiator</source>
        <translation>暖气片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/photo_strip.py" line="154"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/photo_strip.py" line="159"/>
        <source>loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/photo_strip.py" line="159"/>
        <source>not received yet</source>
        <translation>办公室尚未收到</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/photo_strip.py" line="160"/>
        <source>could not be loaded</source>
        <translation>无法加载</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/photo_strip.py" line="172"/>
        <source>This record has no photos.</source>
        <translation>本记录没有照片。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/photo_strip.py" line="175"/>
        <source>%1 photos cited; %2 not yet received by the office: the evidence is incomplete.</source>
        <translation>记录引用照片 %1 张，其中 %2 张办公室尚未收到：证据不完整。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/photo_strip.py" line="181"/>
        <source>%1 photos, each checked against the hash in the sealed record. Click one to see it larger.</source>
        <translation>照片 %1 张，均已与签封记录中的哈希核对。点击可查看大图。</translation>
    </message>
</context>
<context>
    <name>PointsModel</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_model.py" line="42"/>
        <source>Point</source>
        <translation>监测点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_model.py" line="42"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_model.py" line="43"/>
        <source>Latest day</source>
        <translation>最近一日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_model.py" line="43"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_model.py" line="44"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_model.py" line="44"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_model.py" line="45"/>
        <source>Company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_model.py" line="45"/>
        <source>Last reading</source>
        <translation>最后读数时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_model.py" line="61"/>
        <source>%1, coverage %2 %</source>
        <translation>%1，覆盖率 %2 %</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_model.py" line="64"/>
        <source>flags: %1</source>
        <translation>标记：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_model.py" line="64"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/monitoring_model.py" line="87"/>
        <source>arrived %1</source>
        <translation>%1 送达办公室</translation>
    </message>
</context>
<context>
    <name>PortFinder</name>
    <message>
        <location filename="../../inspector_app/ui/visit/port_finder.py" line="113"/>
        <source>The thermometer is not on %1 any more, but one speaking the same protocol answers on %2.</source>
        <translation>温度计已不在 %1 上，但 %2 上有同一协议的温度计应答。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/port_finder.py" line="116"/>
        <source>&amp;Use %1</source>
        <translation>改用 %1(&amp;U)</translation>
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
        <location filename="../../inspector_app/ui/visit/preconditions_page.py" line="50"/>
        <source>Preconditions</source>
        <translation>检测前提</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/preconditions_page.py" line="74"/>
        <source>Closed long enough (at least %1 min).</source>
        <translation>关闭时间已足够（至少 %1 分钟）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/preconditions_page.py" line="79"/>
        <source>Needs %1 min closed: about %2 min to go.</source>
        <translation>需关闭 %1 分钟：还需约 %2 分钟。</translation>
    </message>
    <message>
        <location filename="../../forms/page_preconditions.ui" line="47"/>
        <source>Closed n&amp;ow</source>
        <translation>现在关闭(&amp;O)</translation>
    </message>
</context>
<context>
    <name>ReadingsChart</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/readings_chart.py" line="103"/>
        <source>minutes since the visit started</source>
        <translation>检测开始后的分钟数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/readings_chart.py" line="111"/>
        <source>No readings</source>
        <translation>没有读数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/readings_chart.py" line="121"/>
        <source>Minimum %1 °C</source>
        <translation>最低标准 %1 °C</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/readings_chart.py" line="176"/>
        <source>official reading</source>
        <translation>正式读数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/readings_chart.py" line="185"/>
        <source>typed in by hand</source>
        <translation>手工录入</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/reason_dialog.py" line="65"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/reason_dialog.py" line="66"/>
        <source>Give the reason: it stays in the ticket&apos;s history.</source>
        <translation>请填写原因：原因将保留在工单记录中。</translation>
    </message>
</context>
<context>
    <name>RecordDetail</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="245"/>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="252"/>
        <source>Visit</source>
        <translation>检测信息</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="246"/>
        <source>Rooms and readings</source>
        <translation>房间与读数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="247"/>
        <source>Signatures</source>
        <translation>签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="248"/>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="551"/>
        <source>Verification</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="249"/>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="262"/>
        <source>Review history</source>
        <translation>审核历史</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="253"/>
        <source>Times</source>
        <translation>时间节点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="254"/>
        <source>Test conditions</source>
        <translation>检测条件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="255"/>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="269"/>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="622"/>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="256"/>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="765"/>
        <source>Instrument</source>
        <translation>仪器</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="257"/>
        <source>Rooms (select one to see its points)</source>
        <translation>房间（选中一间可查看其测点）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="258"/>
        <source>Points of the selected room</source>
        <translation>所选房间的测点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="259"/>
        <source>Readings of the selected room</source>
        <translation>所选房间的读数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="260"/>
        <source>Is this the record as sealed?</source>
        <translation>是否与签封时的记录一致？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="261"/>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="263"/>
        <source>Refund rulings</source>
        <translation>退费裁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="264"/>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="591"/>
        <source>Inspector</source>
        <translation>检测人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="265"/>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="577"/>
        <source>Resident</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="266"/>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="268"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="268"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="268"/>
        <source>Area (m²)</source>
        <translation>面积 (m²)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="268"/>
        <source>Points required</source>
        <translation>应测点数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="269"/>
        <source>Room mean</source>
        <translation>房间均值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="271"/>
        <source>Point</source>
        <translation>测点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="271"/>
        <source>Readings (°C)</source>
        <translation>读数 (°C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="271"/>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="271"/>
        <source>Entry</source>
        <translation>录入方式</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="273"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="273"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="273"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="273"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="274"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="276"/>
        <source>Ruling no.</source>
        <translation>裁定书编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="276"/>
        <source>Decision</source>
        <translation>裁定结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="276"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="276"/>
        <source>Issued by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="277"/>
        <source>Issued at</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="277"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="279"/>
        <source>TRAINING / DEMO record: not evidence of a test, never to be used to decide a refund</source>
        <translation>培训/演示记录：不能作为检测证据，不得用于退费裁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="441"/>
        <source>No record selected</source>
        <translation>未选择记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="509"/>
        <source>Tested %1</source>
        <translation>检测时间 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="516"/>
        <source>Review: %1</source>
        <translation>审核：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="518"/>
        <source>Record %1</source>
        <translation>记录 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="526"/>
        <source>Verification failed: %1</source>
        <translation>验证未通过：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="532"/>
        <source>A later record corrects this one: see Verification → Corrections</source>
        <translation>本记录已被后续记录更正：见“验证 → 更正”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="542"/>
        <source>Another device also sent a record under this record id (device %1). It is kept apart and changes nothing here; this record is from device %2.</source>
        <translation>另有设备（%1）以同一记录编号上传了记录。办公室将其分开保存，不影响本记录；本记录来自设备 %2。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="571"/>
        <source>Ticket no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="573"/>
        <source>Ticket source</source>
        <translation>工单来源</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="576"/>
        <source>Channel</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="578"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="579"/>
        <source>Heated area</source>
        <translation>供热面积</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="581"/>
        <source>Heating company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="583"/>
        <source>Position in building</source>
        <translation>房屋位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="585"/>
        <source>None (an ordinary flat)</source>
        <translation>无（普通户）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="586"/>
        <source>Outdoor temperature</source>
        <translation>室外温度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="593"/>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="653"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="599"/>
        <source>Complaint</source>
        <translation>投诉时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="602"/>
        <source>Contacted</source>
        <translation>联系时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="603"/>
        <source>Arrived</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="603"/>
        <source>Tested</source>
        <translation>检测时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="609"/>
        <source> (%1 min after the complaint)</source>
        <translation>（投诉后 %1 分钟）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="611"/>
        <source>, later than the %1 min allowed</source>
        <translation>，超过规定的 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="615"/>
        <source> (at least %1 min required)</source>
        <translation>（要求至少关闭 %1 分钟）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="617"/>
        <source>Closed since</source>
        <translation>门窗关闭时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="625"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="626"/>
        <source>each room at least %1 °C (%2 rules, version %3)</source>
        <translation>每个房间不低于 %1 °C（%2规则，版本 %3）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="633"/>
        <source>Coldest room</source>
        <translation>最低房间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="636"/>
        <source>Area below standard</source>
        <translation>不合格面积</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="639"/>
        <source>Refund per day</source>
        <translation>每日退费</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="640"/>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="992"/>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="647"/>
        <source>Not tested: %1</source>
        <translation>未检测：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="649"/>
        <source>No refund band for %1</source>
        <translation>%1 无对应的退费档</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="664"/>
        <source>met</source>
        <translation>已满足</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="664"/>
        <source>NOT met</source>
        <translation>未满足</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="667"/>
        <source>Preconditions</source>
        <translation>检测前提</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="681"/>
        <source>Exemptions</source>
        <translation>免责情形</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="684"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="694"/>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="695"/>
        <source>Serial no.</source>
        <translation>仪器编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="696"/>
        <source>Calibration certificate</source>
        <translation>检定证书编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="700"/>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="703"/>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="706"/>
        <source>Certificate valid until</source>
        <translation>证书有效期至</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="701"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="704"/>
        <source>%1, EXPIRED on the test day</source>
        <translation>%1，检测当日已过期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="707"/>
        <source>%1 (valid on the test day)</source>
        <translation>%1（检测当日有效）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="709"/>
        <source>Correction</source>
        <translation>修正值</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="723"/>
        <source> (coldest)</source>
        <translation>（最低）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="767"/>
        <source>Typed in by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="771"/>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="794"/>
        <source>Point %1</source>
        <translation>测点 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="813"/>
        <source>%1, signed %2</source>
        <translation>%1，签字时间 %2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="823"/>
        <source>The inspector&apos;s signature is missing</source>
        <translation>缺少检测人员签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="831"/>
        <source>Refused to sign. Reason: %1</source>
        <translation>拒绝签字。原因：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="842"/>
        <source>No witness signature</source>
        <translation>无见证人签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="844"/>
        <source>Neither a resident signature nor a recorded refusal</source>
        <translation>既无用户签字，也未记录拒绝签字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="859"/>
        <source>The record is damaged or incomplete</source>
        <translation>记录已损坏或不完整</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="864"/>
        <source>Content unchanged since sealing</source>
        <translation>签封后内容未被修改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="865"/>
        <source>Content CHANGED after sealing</source>
        <translation>签封后内容已被修改！</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="866"/>
        <source>The fingerprint (SHA-256) of the record was worked out again here and is the one sealed on the laptop.</source>
        <translation>已在本机重新计算记录的哈希值（SHA-256），与设备签封时的哈希值一致。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="872"/>
        <source>Device signature valid</source>
        <translation>设备签名有效</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="873"/>
        <source>Device signature NOT valid</source>
        <translation>设备签名无效！</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="874"/>
        <source>The fingerprint is signed with the key of the laptop named below.</source>
        <translation>该哈希值由下列设备的密钥签名。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="878"/>
        <source>The office&apos;s index names another fingerprint</source>
        <translation>监管平台索引中记载的哈希值与此不同</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="879"/>
        <source>Index: %1</source>
        <translation>索引：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="883"/>
        <source>Checked by the office on receipt: %1</source>
        <translation>监管平台接收时校验：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="885"/>
        <source>Received %1 by %2</source>
        <translation>接收于 %1，方式：%2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="890"/>
        <source>Sealed by laptop %1 at %2</source>
        <translation>由设备 %1 于 %2 签封</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="893"/>
        <source>Device public key:</source>
        <translation>设备公钥：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="903"/>
        <source> (resolved %1 by %2)</source>
        <translation>（已于 %1 由 %2 处理）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="907"/>
        <source>Previous record&apos;s fingerprint:</source>
        <translation>前序记录的哈希值：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="908"/>
        <source>First record of this laptop (no previous record).</source>
        <translation>该设备的第一条记录（无前序记录）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="911"/>
        <source>Position %1 in this laptop&apos;s chain: %2</source>
        <translation>该设备记录链第 %1 条：%2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="915"/>
        <source>Fingerprint of this record (SHA-256)</source>
        <translation>本记录的哈希值（SHA-256）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="916"/>
        <source>Compare it with the one printed on the resident&apos;s slip.</source>
        <translation>可与用户所持测温单上印的 SHA-256 校验值核对。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="931"/>
        <source>This record corrects an earlier one. Reason: %1</source>
        <translation>本记录是对先前一条记录的更正。原因：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="935"/>
        <source>A later record corrects this one:</source>
        <translation>本记录已被以下后续记录更正：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="937"/>
        <source>This record neither corrects nor is corrected by another.</source>
        <translation>本记录未更正其他记录，也未被其他记录更正。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="978"/>
        <source>Not reviewed yet.</source>
        <translation>尚未审核。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="988"/>
        <source>replaced by %1</source>
        <translation>已被 %1 取代</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="989"/>
        <source>in force</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="1001"/>
        <source>No ruling issued yet.</source>
        <translation>尚未签发裁定。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="839"/>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="250"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/record_detail.py" line="536"/>
        <source>Evidence incomplete: %1 cited photos not received yet (see Photos)</source>
        <translation>证据不完整：记录引用的照片有 %1 张办公室尚未收到（见“照片”）</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/records_model.py" line="137"/>
        <source>Test time</source>
        <translation>检测时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/records_model.py" line="137"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/records_model.py" line="138"/>
        <source>Company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/records_model.py" line="138"/>
        <source>Inspector</source>
        <translation>检测人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/records_model.py" line="139"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/records_model.py" line="139"/>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/records_model.py" line="140"/>
        <source>Review</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/records_model.py" line="140"/>
        <source>Chain</source>
        <translation>记录链</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/records_model.py" line="141"/>
        <source>Record</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/records_model.py" line="168"/>
        <source>[training]</source>
        <translation>[培训]</translation>
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
        <source>&amp;Assignments…</source>
        <translation>派单(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="50"/>
        <source>&amp;New visit</source>
        <translation>新建检测(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="61"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="61"/>
        <location filename="../../forms/records_page.ui" line="67"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="61"/>
        <location filename="../../forms/records_page.ui" line="73"/>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="62"/>
        <location filename="../../forms/records_page.ui" line="79"/>
        <source>Sealed</source>
        <translation>已签封</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="62"/>
        <location filename="../../forms/records_page.ui" line="85"/>
        <source>Synced</source>
        <translation>已上传</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="63"/>
        <source>Abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="68"/>
        <source>All (%1)</source>
        <translation>全部（%1）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="79"/>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="101"/>
        <source>An unfinished visit was found (ticket %1, %2, started %3). Resume it where it stopped? Everything measured so far is kept.</source>
        <translation>发现一次未完成的检测（工单 %1，%2，开始于 %3）。要从中断处继续吗？已测的数据都已保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="118"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="118"/>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="102"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="103"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="104"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="105"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="106"/>
        <source>Heating company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="107"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="114"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="119"/>
        <source>&amp;Slip…</source>
        <translation>测温单…(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="124"/>
        <source>Corr&amp;ection…</source>
        <translation>更正…(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="142"/>
        <source>Discard the draft visit (ticket %1, %2)? It disappears from this list and can no longer be continued or sealed. It is kept in the database, because evidence is never deleted.</source>
        <translation>放弃这条检测草稿（工单 %1，%2）？它将从列表中消失，不能再继续或签封。它仍保存在数据库中，因为证据从不删除。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="146"/>
        <source>Discard draft?</source>
        <translation>放弃草稿？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="147"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/records_page.py" line="147"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../forms/records_page.ui" line="129"/>
        <source>&amp;Discard draft…</source>
        <translation>放弃草稿(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>ResidentContactDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/resident_contact_dialog.py" line="79"/>
        <source>Resident to contact</source>
        <translation>联系住户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/resident_contact_dialog.py" line="80"/>
        <source>The office knows no resident&apos;s name and phone for %1 (no earlier ticket). Give them: the dispatcher calls this number.</source>
        <translation>办公室没有 %1 住户的姓名和电话（以前没有工单）。请填写：调度会拨打这个电话。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/resident_contact_dialog.py" line="83"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/resident_contact_dialog.py" line="84"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/resident_contact_dialog.py" line="86"/>
        <source>Open ticket</source>
        <translation>开工单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/resident_contact_dialog.py" line="87"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/resident_contact_dialog.py" line="88"/>
        <source>Give both the name and the phone.</source>
        <translation>请填写姓名和电话。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/resident_contact_dialog.py" line="85"/>
        <source>Street (if the office asks)</source>
        <translation>街道（办公室要求时填写）</translation>
    </message>
</context>
<context>
    <name>ResponseTable</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="32"/>
        <source>Heating company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="32"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="32"/>
        <source>Tickets</source>
        <translation>工单数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="33"/>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="33"/>
        <source>Within the limit</source>
        <translation>时限内联系</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="34"/>
        <source>Median minutes to contact</source>
        <translation>联系用时中位数（分钟）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="34"/>
        <source>Median minutes to agreed visit</source>
        <translation>至约定上门中位数（分钟）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="35"/>
        <source>Tested</source>
        <translation>已检测</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="35"/>
        <source>Unreachable</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="35"/>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="38"/>
        <source>Response to hotline tickets (times from the tickets)</source>
        <translation>热线工单响应（时间取自工单）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="49"/>
        <source>All</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="51"/>
        <source>No tickets in this season.</source>
        <translation>本供暖季没有工单。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/response_table.py" line="52"/>
        <source>%1 tickets; contacted within the limit: %2</source>
        <translation>共 %1 张工单；时限内联系：%2</translation>
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
        <location filename="../../inspector_app/ui/visit/result_page.py" line="29"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="32"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="32"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="33"/>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="61"/>
        <source>Result: %1 (standard: at least %2 °C in every room)</source>
        <translation>结论：%1（标准：每个房间不低于 %2 °C）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="65"/>
        <source>Lowest room: %1, %2 °C</source>
        <translation>最低房间：%1，%2 °C</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="80"/>
        <source>Not measured: a room of kind %1 that the profile tests.</source>
        <translation>未检测：规则要求检测的房间类型 %1。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="83"/>
        <source>A failing room has no refund band in the profile.</source>
        <translation>有不合格房间在规则中没有对应的退费档。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="85"/>
        <source>Training visit: not evidence for a refund ruling.</source>
        <translation>培训记录：不能作为退费裁定依据。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="36"/>
        <source>Bedroom</source>
        <translation>卧室</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="36"/>
        <source>Living room</source>
        <translation>起居室（厅）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="37"/>
        <source>Other room</source>
        <translation>其他房间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="50"/>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="70"/>
        <source>Refund estimate: %1 yuan per failing day. Failing days run from the request until a re-test passes.</source>
        <translation>退费估算：每个不合格日 %1 元。不合格天数从报修之日起算，直至复检合格。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/result_page.py" line="73"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
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
        <location filename="../../forms/page_rooms.ui" line="28"/>
        <source>&amp;Area</source>
        <translation>面积(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="49"/>
        <source>A&amp;dd room</source>
        <translation>添加房间(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="73"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="74"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="75"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="76"/>
        <source>Points</source>
        <translation>测点数</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="83"/>
        <source>Where to place the stand</source>
        <translation>测点位置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="47"/>
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="50"/>
        <source>Bedroom</source>
        <translation>卧室</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="50"/>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="58"/>
        <source>Living room</source>
        <translation>起居室（厅）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="51"/>
        <source>Other room</source>
        <translation>其他房间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="56"/>
        <source>Bedroom %1</source>
        <translation>卧室%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="58"/>
        <source>Living room %1</source>
        <translation>起居室%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="59"/>
        <source>Room %1</source>
        <translation>房间%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="192"/>
        <source>outer wall</source>
        <translation>外墙</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="192"/>
        <source>inner walls</source>
        <translation>内墙</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="193"/>
        <source>probe height</source>
        <translation>探头高度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="193"/>
        <source>window</source>
        <translation>窗</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="195"/>
        <source>This room</source>
        <translation>此房间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="197"/>
        <source>%1: 1 point in the middle of the zone.</source>
        <translation>%1：1 个测点，位于区域中央。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="199"/>
        <source>%1: %2 points spread evenly over the zone.</source>
        <translation>%1：%2 个测点，在区域内均匀分布。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="201"/>
        <source>At least %1 m from the inner face of the outer wall, at least %2 m from inner walls, probe at %3 m on a stand (not hand-held), people at least %4 m away.</source>
        <translation>距外墙内表面不小于 %1 米，距内墙不小于 %2 米，探头置于支架上高 %3 米（不得手持），人员距测点不小于 %4 米。</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="21"/>
        <source>Na&amp;me</source>
        <translation>名称(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="54"/>
        <source>&amp;Save changes</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../forms/page_rooms.ui" line="59"/>
        <source>Delete &amp;room</source>
        <translation>删除房间(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="139"/>
        <source>Delete a measured room?</source>
        <translation>删除已测量的房间？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="140"/>
        <source>“%1” already has readings. Deleted, it is no longer judged, but its readings stay on the record and the sealed record shows them as deleted.</source>
        <translation>“%1”已有读数。删除后不再参与判定，但读数仍保留在记录中，签封记录会将其标为已删除。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="143"/>
        <source>&amp;Delete room</source>
        <translation>删除房间(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/rooms_page.py" line="143"/>
        <source>&amp;Keep it</source>
        <translation>保留(&amp;K)</translation>
    </message>
</context>
<context>
    <name>RulingDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="84"/>
        <source>Refund ruling</source>
        <translation>退费裁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="93"/>
        <source>The record names no profile.</source>
        <translation>该记录未注明所适用的地区规则。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="115"/>
        <source>Record %1 · %2 · %3
SHA-256 %4</source>
        <translation>记录 %1 · %2 · %3
SHA-256 %4</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="127"/>
        <source> yuan per m² per day</source>
        <translation> 元/(m²·日)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="130"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="132"/>
        <source>Grounds, e.g. complaint date and re-test</source>
        <translation>裁定依据，如投诉日期、复测情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="133"/>
        <source>&amp;Daily fee</source>
        <translation>日单价(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="134"/>
        <source>&amp;Failing days</source>
        <translation>不达标天数(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="135"/>
        <source>Co&amp;mment</source>
        <translation>说明(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="141"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="141"/>
        <source>Area m²</source>
        <translation>面积 m²</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="141"/>
        <source>Mean °C</source>
        <translation>平均 °C</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="141"/>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="142"/>
        <source>Band</source>
        <translation>退费档</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="142"/>
        <source>Share</source>
        <translation>退费比例</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="142"/>
        <source>Per day (yuan)</source>
        <translation>每日（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="143"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="163"/>
        <source>&amp;Open earlier ruling</source>
        <translation>打开此前的裁定(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="167"/>
        <source>&amp;Issue ruling</source>
        <translation>签发裁定(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="171"/>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF…(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="173"/>
        <source>&amp;Print…</source>
        <translation>打印…(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="175"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="196"/>
        <source>superseded by %1</source>
        <translation>已被 %1 取代</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="202"/>
        <source>No ruling issued for this record yet</source>
        <translation>此记录尚未签发裁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="239"/>
        <source>%1: %2 yuan per day × %3 days = %4 yuan</source>
        <translation>%1：每日 %2 元 × %3 天 = %4 元</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="271"/>
        <source>Issuing the ruling at the office…</source>
        <translation>正在监管平台签发裁定…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="284"/>
        <source>Ruling %1 issued and kept at the office.</source>
        <translation>裁定书 %1 已签发，并存档于监管平台。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="289"/>
        <source>Preparing the ruling…</source>
        <translation>正在生成裁定书…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="300"/>
        <source>Ruling %1</source>
        <translation>裁定书 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="323"/>
        <source>Save ruling as PDF</source>
        <translation>将裁定书保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="325"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="254"/>
        <source>An issued ruling is kept at the office and cannot be withdrawn; only a later ruling can supersede it.</source>
        <translation>裁定一经作出即由主管部门保存，不能撤回；只能由后来的裁定取代。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="256"/>
        <source>Issue this ruling?</source>
        <translation>作出此裁定？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="257"/>
        <source>&amp;Issue</source>
        <translation>作出裁定(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ruling_dialog.py" line="257"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
</context>
<context>
    <name>SeasonChart</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/season_chart.py" line="183"/>
        <source>daily min–max</source>
        <translation>日最低–最高</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/season_chart.py" line="187"/>
        <source>flagged readings</source>
        <translation>带标记的读数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/season_chart.py" line="188"/>
        <source>door test (lowest room)</source>
        <translation>入户检测（最低房间）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/season_chart.py" line="295"/>
        <source>%1: no readings</source>
        <translation>%1：无读数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/season_chart.py" line="297"/>
        <source>%1: %2, mean %3 °C (%4 to %5), coverage %6 %</source>
        <translation>%1：%2，平均 %3 °C（%4 至 %5），覆盖率 %6 %</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/season_chart.py" line="306"/>
        <source>flags: %1</source>
        <translation>标记：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/season_chart.py" line="306"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/season_chart.py" line="307"/>
        <source>%1 on %2 readings</source>
        <translation>%1 %2 条</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/season_chart.py" line="311"/>
        <source>%1 of %2 readings left out</source>
        <translation>%2 条读数中 %1 条未计入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/season_chart.py" line="315"/>
        <source>Door test %1: lowest room %2 °C</source>
        <translation>入户检测 %1：最低房间 %2 °C</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/season_chart.py" line="266"/>
        <source>Choose a point or a household to see its season.</source>
        <translation>选择一个监测点或住户以查看其采暖季。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/season_chart.py" line="263"/>
        <source>Standard %1 °C</source>
        <translation>标准 %1 °C</translation>
    </message>
</context>
<context>
    <name>SignatureView</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/signature_view.py" line="80"/>
        <source>No signature</source>
        <translation>无签字</translation>
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
        <location filename="../../forms/page_signing.ui" line="176"/>
        <source>&amp;Seal the record</source>
        <translation>签封记录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="73"/>
        <source>Sign and seal</source>
        <translation>签字签封</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="138"/>
        <source>Ready to seal.</source>
        <translation>可以签封。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="211"/>
        <source>Sealing the record…</source>
        <translation>正在签封记录…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="251"/>
        <source>Sealed: the record can no longer be changed. Check code %1</source>
        <translation>已签封：记录不能再修改。校验码 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="273"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
    <message>
        <location filename="../../forms/page_signing.ui" line="120"/>
        <source>Witness rol&amp;e</source>
        <translation>见证人身份(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../forms/page_signing.ui" line="181"/>
        <source>Preview and &amp;print the slip…</source>
        <translation>预览并打印测温单…(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="132"/>
        <source>Cannot seal yet. Missing:</source>
        <translation>尚不能签封，还缺：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="187"/>
        <source>Seal the record?</source>
        <translation>签封此记录？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="188"/>
        <source>&amp;Seal</source>
        <translation>签封(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="188"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="194"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="194"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="195"/>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="198"/>
        <source>Result: %1</source>
        <translation>结论：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="199"/>
        <source>Refund estimate: %1 yuan per failing day</source>
        <translation>退费估算：每个不合格日 %1 元</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="201"/>
        <source>Copies to print: %1</source>
        <translation>打印联次：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="203"/>
        <source>Training visit: not evidence for a refund ruling.</source>
        <translation>培训记录：不能作为退费裁定的依据。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/signing_page.py" line="204"/>
        <source>A sealed record cannot be changed. A mistake can only be corrected by a new record that names this one.</source>
        <translation>签封后的记录不能更改。如有错误，只能新建一条注明更正此记录的更正记录。</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="65"/>
        <source>A4 (four copies, one per page)</source>
        <translation>A4（四联，每联一页）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="66"/>
        <source>80 mm roll (thermal printer)</source>
        <translation>80 毫米热敏纸卷</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="98"/>
        <source>This visit is not sealed: there is no slip yet.</source>
        <translation>此记录尚未签封：还没有测温单。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="102"/>
        <source>Preparing the slip…</source>
        <translation>正在生成测温单…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="127"/>
        <source>%1 page(s)</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="139"/>
        <source>Preparing pages for the printer…</source>
        <translation>正在准备打印页面…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="153"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="158"/>
        <source>Save slip as PDF</source>
        <translation>将测温单保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="165"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/slip_dialog.py" line="67"/>
        <source>80 mm roll, compact (point means only)</source>
        <translation>80 毫米热敏纸卷（紧凑版，仅列测点平均值）</translation>
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
    <message>
        <location filename="../../forms/slip_preview.ui" line="12"/>
        <source>Pape&amp;r</source>
        <translation>纸张(&amp;R)</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="275"/>
        <source>Undo a merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="276"/>
        <source>Household %1: choose the merge to undo. The records and tickets of the household that was merged become its own again, and the cases of both are recomputed.</source>
        <translation>住户 %1：请选择要撤销的合并。被并入住户的记录和工单将归还该住户，双方的案件将重新计算。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="280"/>
        <source>&amp;Merge</source>
        <translation>合并记录(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="286"/>
        <source>#%1: %2 into %3 · %4 · %5</source>
        <translation>#%1：%2 并入 %3 · %4 · %5</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="292"/>
        <source>Undo the merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="294"/>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="298"/>
        <source>This household has no merge to undo.</source>
        <translation>本户没有可撤销的合并。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="63"/>
        <source>Cannot open the data folder</source>
        <translation>无法打开数据文件夹</translation>
    </message>
</context>
<context>
    <name>StopDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="142"/>
        <source>Enter a heating stop</source>
        <translation>登记停热</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="144"/>
        <source>A stop is entered once it has ended. Leave communities and buildings empty for the company&apos;s whole district. A wrong stop is withdrawn, never edited. Times are China time (UTC+8).</source>
        <translation>停热结束后再登记。小区和楼栋都不填，即为该企业在本区的全部范围。有误的停热只能撤回，不能修改。时间为北京时间（UTC+8）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="148"/>
        <source>Heating &amp;company</source>
        <translation>供热企业(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="148"/>
        <source>&amp;District</source>
        <translation>区(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="148"/>
        <source>Co&amp;mmunities</source>
        <translation>小区(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="149"/>
        <source>&amp;Buildings</source>
        <translation>楼栋(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="149"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="149"/>
        <source>&amp;End</source>
        <translation>结束(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="150"/>
        <source>Ca&amp;use</source>
        <translation>原因(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="150"/>
        <source>E&amp;vidence</source>
        <translation>证据(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="152"/>
        <source>communities, separated by commas</source>
        <translation>小区，以逗号分隔，例如：幸福小区，和平小区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="153"/>
        <source>community/building, separated by semicolons</source>
        <translation>小区/楼栋，以分号分隔，例如：和平小区/3号楼；和平小区/4号楼</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="155"/>
        <source>e.g. a burst main</source>
        <translation>例如：一次管网爆管</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="156"/>
        <source>e.g. the company&apos;s repair order number</source>
        <translation>例如：热力公司抢修单号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="157"/>
        <source>Enter stop</source>
        <translation>登记停热</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="162"/>
        <source>Give the heating company.</source>
        <translation>请填写供热企业。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="164"/>
        <source>Give the district.</source>
        <translation>请填写区。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="166"/>
        <source>Write each building with its community: community/building.</source>
        <translation>楼栋须写明所属小区：小区/楼栋。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="168"/>
        <source>Give the cause of the stop.</source>
        <translation>请填写停热原因。</translation>
    </message>
</context>
<context>
    <name>SupervisorLabels</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="26"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="27"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="28"/>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="31"/>
        <source>Received</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="32"/>
        <source>Approved</source>
        <translation>已认可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="33"/>
        <source>Has issues</source>
        <translation>有问题待补充</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="34"/>
        <source>Rejected</source>
        <translation>不予认可</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="35"/>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="51"/>
        <source>Resubmitted</source>
        <translation>已重新提交，待再审</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="38"/>
        <source>Bedroom</source>
        <translation>卧室</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="39"/>
        <source>Living room</source>
        <translation>起居室（厅）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="40"/>
        <source>Other room</source>
        <translation>其他房间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="43"/>
        <source>Chain intact</source>
        <translation>链完整</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="44"/>
        <source>Earlier record missing</source>
        <translation>缺少前序记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="45"/>
        <source>Chain forked</source>
        <translation>链分叉</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="48"/>
        <source>Review decision</source>
        <translation>审核决定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="49"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="50"/>
        <source>Ruling</source>
        <translation>裁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="52"/>
        <source>Superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="55"/>
        <source>Refund</source>
        <translation>退费</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="56"/>
        <source>No refund</source>
        <translation>不退费</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="59"/>
        <source>12345 hotline</source>
        <translation>12345 热线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="60"/>
        <source>12319 hotline</source>
        <translation>12319 热线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="61"/>
        <source>96118 hotline</source>
        <translation>96118 热线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="62"/>
        <source>Heating company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="63"/>
        <source>Fixed monitoring point</source>
        <translation>固定监测点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="64"/>
        <source>Reported on site</source>
        <translation>现场报告</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="65"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="68"/>
        <source>End wall</source>
        <translation>边户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="69"/>
        <source>Top floor</source>
        <translation>顶层</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="70"/>
        <source>Ground floor</source>
        <translation>底层</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="71"/>
        <source>Over unheated space</source>
        <translation>悬空房</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="74"/>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="82"/>
        <source>Gap</source>
        <translation>缺环</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="83"/>
        <source>Fork</source>
        <translation>分叉</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="86"/>
        <source>Received (not dispatched)</source>
        <translation>已接收（未派单）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="87"/>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="98"/>
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="88"/>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="100"/>
        <source>Resident contacted</source>
        <translation>已联系用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="89"/>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="101"/>
        <source>Visit agreed</source>
        <translation>已约定上门</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="90"/>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="102"/>
        <source>Tested</source>
        <translation>已检测</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="91"/>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="103"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="92"/>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="104"/>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="93"/>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="105"/>
        <source>Resident unreachable</source>
        <translation>联系不上用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="96"/>
        <source>Received from the hotline</source>
        <translation>热线来单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="97"/>
        <source>Ticket changed by the hotline</source>
        <translation>热线更新了工单内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="99"/>
        <source>Contact attempt failed</source>
        <translation>联系未成功</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="108"/>
        <source>by phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="109"/>
        <source>by SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="110"/>
        <source>in person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="113"/>
        <source>office</source>
        <translation>办公室</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="114"/>
        <source>laptop</source>
        <translation>检测电脑</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="115"/>
        <source>hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="75"/>
        <source>Verification failed</source>
        <translation>校验失败</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="78"/>
        <source>upload from the laptop</source>
        <translation>检测电脑上传</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/labels.py" line="79"/>
        <source>offline bundle</source>
        <translation>离线数据包</translation>
    </message>
</context>
<context>
    <name>SupervisorLoginDialog</name>
    <message>
        <location filename="../../forms/supervisor_login.ui" line="5"/>
        <source>Supervisor log-in</source>
        <translation>监管审核登录</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_login.ui" line="11"/>
        <source>Review the records received by the district office. Your account decides which district you see.</source>
        <translation>审核区监管部门收到的检测记录。可查看哪个区由您的账号决定。</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_login.ui" line="16"/>
        <source>&amp;Office address</source>
        <translation>监管平台地址(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_login.ui" line="17"/>
        <source>https://office.example:8443</source>
        <translation>https://office.example:8443</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_login.ui" line="18"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_login.ui" line="20"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_login.ui" line="33"/>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_login.ui" line="34"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="203"/>
        <source>Logged in again.</source>
        <translation>已重新登录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="226"/>
        <source>Any result</source>
        <translation>全部结论</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="229"/>
        <source>Any review state</source>
        <translation>全部审核状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="232"/>
        <source>Formal tests only</source>
        <translation>仅正式检测</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="233"/>
        <source>Training only</source>
        <translation>仅培训</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="234"/>
        <source>Formal and training</source>
        <translation>正式与培训</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="235"/>
        <source>Any chain state</source>
        <translation>全部链状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="249"/>
        <source>Your account sees this district only.</source>
        <translation>您的账号只能查看本区。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="271"/>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="499"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="305"/>
        <source>%1 records match; %2 loaded</source>
        <translation>符合条件的记录 %1 条，已加载 %2 条</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="342"/>
        <source>Fetching the record…</source>
        <translation>正在获取记录…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="390"/>
        <source>Say what is wrong in the comment: the inspector will read it.</source>
        <translation>请在意见中写明问题所在：检测人员会看到这条意见。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="395"/>
        <source>Review state set: %1</source>
        <translation>审核状态已设为：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="397"/>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="406"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="402"/>
        <source>Write the comment first.</source>
        <translation>请先填写意见。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="406"/>
        <source>Comment added.</source>
        <translation>意见已添加。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="425"/>
        <source>Fetching the sealed record…</source>
        <translation>正在获取已签封的记录…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="441"/>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>电子表格 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="442"/>
        <source>Export the filtered records</source>
        <translation>导出筛选出的记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="456"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="462"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="518"/>
        <source>Heating company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="518"/>
        <source>Tests</source>
        <translation>检测次数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="518"/>
        <source>Failed</source>
        <translation>不合格次数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="519"/>
        <source>Median minutes to contact</source>
        <translation>联系用时中位数（分钟）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="519"/>
        <source>Failure rate (%)</source>
        <translation>不合格率 (%)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="520"/>
        <source>Median minutes to arrival</source>
        <translation>到达用时中位数（分钟）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="520"/>
        <source>Contact later than allowed</source>
        <translation>联系超时次数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="521"/>
        <source>Without times</source>
        <translation>无时间记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="521"/>
        <source>Times from</source>
        <translation>时间来源</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="544"/>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="577"/>
        <source>all districts</source>
        <translation>全部区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="545"/>
        <source>%1 companies, %2</source>
        <translation>%1 家供热企业，%2</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="549"/>
        <source>hotline ticket</source>
        <translation>热线工单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="550"/>
        <source>ticket&apos;s complaint, door&apos;s contact</source>
        <translation>工单投诉时间＋现场联系时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="551"/>
        <source>typed at the door</source>
        <translation>现场录入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="552"/>
        <source>mixed</source>
        <translation>混合</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="556"/>
        <source>Contact minutes: %1 from the ticket, %2 from the ticket&apos;s complaint and the door&apos;s contact, %3 typed at the door</source>
        <translation>联系用时：%1 条取自工单，%2 条取自工单投诉时间与现场联系时间，%3 条为现场录入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="563"/>
        <source>Tic&amp;kets</source>
        <translation>工单(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="565"/>
        <source>Cas&amp;es</source>
        <translation>案件(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="570"/>
        <source>Heating e&amp;vents</source>
        <translation>供热事件(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="578"/>
        <source>Supervisor review — %1 (%2)</source>
        <translation>监管审核 — %1（%2）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="582"/>
        <source>TRAINING office: rulings on training records are practice, of no effect</source>
        <translation>培训用办公室：对培训记录的裁定仅供练习，不具效力</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="6"/>
        <source>Supervisor review</source>
        <translation>监管审核</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="12"/>
        <source>&amp;Records</source>
        <translation>记录列表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="16"/>
        <source>Filters (applied by the office)</source>
        <translation>筛选条件（由监管平台执行）</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="18"/>
        <source>Test &amp;date</source>
        <translation>检测日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="19"/>
        <location filename="../../forms/supervisor_window.ui" line="20"/>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="21"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="23"/>
        <source>Company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="25"/>
        <source>Inspector</source>
        <translation>检测人员</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="27"/>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="30"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="32"/>
        <source>Address starts with</source>
        <translation>地址开头</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="42"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="43"/>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="81"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="84"/>
        <source>Comment (kept in the history with your name and the time)</source>
        <translation>意见（将连同您的姓名和时间记入审核历史）</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="86"/>
        <source>Add co&amp;mment</source>
        <translation>添加意见(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="89"/>
        <source>Re&amp;print slip…</source>
        <translation>重新打印测温单…(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="104"/>
        <source>Heating season</source>
        <translation>供热期</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="132"/>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="139"/>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="139"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="140"/>
        <source>&amp;Log out and close</source>
        <translation>退出登录并关闭(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="69"/>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV…(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="70"/>
        <source>Export spreads&amp;heet…</source>
        <translation>导出电子表格…(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="85"/>
        <source>Set s&amp;tate</source>
        <translation>设置审核状态(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="88"/>
        <source>Refund r&amp;uling…</source>
        <translation>退费裁定…(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="100"/>
        <source>C&amp;ompanies</source>
        <translation>供热企业(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../forms/supervisor_window.ui" line="106"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/window.py" line="567"/>
        <source>Mo&amp;nitoring</source>
        <translation>监测点(&amp;N)</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../inspector_app/ui/sync_status.py" line="51"/>
        <source>Outbox: %1 to send</source>
        <translation>待上传：%1 条</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_status.py" line="53"/>
        <source>%1 refused</source>
        <translation>被拒收 %1 条</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_status.py" line="63"/>
        <source>Syncing…</source>
        <translation>正在上传…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_status.py" line="84"/>
        <source>Sync failed: %1</source>
        <translation>上传失败：%1</translation>
    </message>
</context>
<context>
    <name>TicketDetail</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="64"/>
        <source>Choose a ticket in the list.</source>
        <translation>请在列表中选择一张工单。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="70"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="71"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="72"/>
        <source>Inspector</source>
        <translation>检测人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="72"/>
        <source>not assigned</source>
        <translation>未派单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="74"/>
        <source>Complaint time</source>
        <translation>投诉时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="75"/>
        <source>Contact due by</source>
        <translation>应联系时限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="76"/>
        <source>Contacted</source>
        <translation>联系情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="77"/>
        <source>Visit agreed for</source>
        <translation>约定上门时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="78"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="79"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="80"/>
        <source>Resident</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="81"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="82"/>
        <source>Heating company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="85"/>
        <source>Failed contact attempts</source>
        <translation>联系未成功次数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="87"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="89"/>
        <source>Sealed records</source>
        <translation>签封记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="94"/>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="108"/>
        <source>delivered %1</source>
        <translation>已送达 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="110"/>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="112"/>
        <source>On the laptop</source>
        <translation>送达</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="111"/>
        <source>not yet delivered: the inspector&apos;s laptop has not synced since</source>
        <translation>未送达：检测员的电脑此后尚未同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="117"/>
        <source>not yet — past the limit</source>
        <translation>尚未联系 — 已超时</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="119"/>
        <source>not yet</source>
        <translation>尚未联系</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="122"/>
        <source>%1, %2, %3 min after the complaint</source>
        <translation>%1，%2，投诉后 %3 分钟</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="127"/>
        <source>within the limit</source>
        <translation>在时限内</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="127"/>
        <source>later than the limit</source>
        <translation>超过时限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="133"/>
        <source>Revisions from the hotline</source>
        <translation>热线工单版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="139"/>
        <source>changed: %1</source>
        <translation>变更：%1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="140"/>
        <source>first version</source>
        <translation>首个版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="149"/>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="159"/>
        <source>visit at %1</source>
        <translation>上门时间 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/ticket_detail.py" line="167"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>TicketEventDialog</name>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="77"/>
        <source>Method</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="80"/>
        <source>Agreed visit time</source>
        <translation>约定上门时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="83"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="84"/>
        <source>Failed contact attempts logged: %1</source>
        <translation>已记录联系未成功 %1 次</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="86"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="93"/>
        <source>&amp;Record</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="96"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="111"/>
        <source>Resident contacted</source>
        <translation>已联系用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="112"/>
        <source>Failed contact attempt</source>
        <translation>联系未成功</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="113"/>
        <source>Visit time agreed</source>
        <translation>约定上门时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="114"/>
        <source>Resident unreachable</source>
        <translation>联系不上用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="117"/>
        <source>Contacted at</source>
        <translation>联系时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="118"/>
        <source>Tried at</source>
        <translation>尝试时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="119"/>
        <source>Agreed at</source>
        <translation>约定于</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/assignments/event_dialog.py" line="120"/>
        <source>Given up at</source>
        <translation>放弃于</translation>
    </message>
</context>
<context>
    <name>TicketsModel</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="201"/>
        <source>Since complaint</source>
        <translation>距投诉</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="201"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="202"/>
        <source>Complaint time</source>
        <translation>投诉时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="202"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="203"/>
        <source>Inspector</source>
        <translation>检测人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="203"/>
        <source>On the laptop</source>
        <translation>送达</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="204"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="205"/>
        <source>Company</source>
        <translation>供热企业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="205"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="224"/>
        <source>Not contacted within %1 minutes of the complaint</source>
        <translation>投诉后 %1 分钟内未联系用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="227"/>
        <source>Contacted %1 minutes after the complaint</source>
        <translation>投诉后 %1 分钟联系了用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="233"/>
        <source>The inspector&apos;s laptop has not received this ticket yet: it gets it on its next sync.</source>
        <translation>检测员的电脑尚未收到这张工单：下次同步时收到。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="245"/>
        <source>not yet delivered</source>
        <translation>未送达</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="246"/>
        <source>delivered %1</source>
        <translation>已送达 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="259"/>
        <source>not assigned</source>
        <translation>未派单</translation>
    </message>
</context>
<context>
    <name>TicketsTab</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="153"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="173"/>
        <source>%1 tickets shown, %2 overdue</source>
        <translation>显示 %1 张工单，其中 %2 张超时</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="245"/>
        <source>Ticket %1 dispatched to %2.</source>
        <translation>工单 %1 已派给 %2。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="256"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="261"/>
        <source>Contact by phone from the office recorded.</source>
        <translation>已记录办公室电话联系。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="262"/>
        <source>phoned from the office</source>
        <translation>办公室电话联系</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="277"/>
        <source>Cancel ticket %1</source>
        <translation>撤销工单 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="278"/>
        <source>Why is ticket %1 cancelled? The reason stays in its history and the inspector&apos;s laptop drops it on its next sync.</source>
        <translation>为什么撤销工单 %1？原因将保留在工单记录中，检测人员的电脑下次同步时会移除此工单。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="281"/>
        <source>Cancel the ticket</source>
        <translation>撤销工单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="283"/>
        <source>Ticket %1 cancelled.</source>
        <translation>工单 %1 已撤销。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="290"/>
        <source>Close ticket %1</source>
        <translation>办结工单 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="291"/>
        <source>Close ticket %1 (a note is optional):</source>
        <translation>办结工单 %1（备注可不填）：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="292"/>
        <source>Close the ticket</source>
        <translation>办结工单</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="294"/>
        <source>Ticket %1 closed.</source>
        <translation>工单 %1 已办结。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="298"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="299"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="300"/>
        <source>Dispatch…</source>
        <translation>派单…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="301"/>
        <source>Office phoned the resident</source>
        <translation>办公室已电话联系用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="303"/>
        <source>The office reached the resident by phone itself: the contact counts for the clock now.</source>
        <translation>办公室已自行电话联系到用户：联系时间即从现在起计入时限。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="305"/>
        <source>Cancel ticket…</source>
        <translation>撤销工单…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="306"/>
        <source>Close ticket…</source>
        <translation>办结工单…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_tab.py" line="310"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
</context>
<context>
    <name>VisitWizard</name>
    <message>
        <location filename="../../inspector_app/ui/visit/wizard.py" line="352"/>
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
        <location filename="../../forms/visit_wizard.ui" line="54"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../forms/visit_wizard.ui" line="64"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visit/wizard.py" line="248"/>
        <source>%1 missing</source>
        <translation>缺 %1 项</translation>
    </message>
</context>
<context>
    <name>WaitingTime</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="73"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="75"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/tickets_model.py" line="77"/>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="45"/>
        <source>Give the reason: it stays in the case&apos;s history.</source>
        <translation>请填写原因：原因将保留在案件记录中。</translation>
    </message>
</context>
<context>
    <name>WithdrawStopDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="199"/>
        <source>Withdraw stop %1</source>
        <translation>撤回停热 %1</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="200"/>
        <source>Stop %1 of %2 in %3 is withdrawn: it stays on file with who withdrew it, when and why, and the open cases it reached are recomputed.</source>
        <translation>撤回 %2 在 %3 的停热 %1：该登记仍保留，并记下撤回人、时间和理由；受其影响的未结案件将重新计算。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="206"/>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="207"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/company_event_dialogs.py" line="212"/>
        <source>Give the reason: it stays with the stop.</source>
        <translation>请填写理由：它将与该停热登记一同保留。</translation>
    </message>
</context>
<context>
    <name>_OfficeDialog</name>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="72"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/supervisor/case_household_dialogs.py" line="80"/>
        <source>Give the reason: it stays in the household&apos;s history.</source>
        <translation>请填写原因：原因将保留在住户变更记录中。</translation>
    </message>
</context>
</TS>
