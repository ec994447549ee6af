<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="99"/>
        <source>Inter-coder agreement</source>
        <translation>编码员间一致性</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="100"/>
        <source>&amp;Coders:</source>
        <translation>编码员(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="101"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="102"/>
        <source>word (the segmentation&apos;s words)</source>
        <translation>词（分词结果中的词）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="102"/>
        <source>character</source>
        <translation>字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="103"/>
        <source>sentence</source>
        <translation>句</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="103"/>
        <source>document (code present or not)</source>
        <translation>文档（是否用了该编码）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="109"/>
        <source>Each code and each domain alone</source>
        <translation>逐个编码、逐个语义域分别计算</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="110"/>
        <source>Leave out units no coder coded (inflates agreement)</source>
        <translation>排除无人编码的单位（会抬高一致性）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="111"/>
        <source>&amp;Compute</source>
        <translation>计算(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="113"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="113"/>
        <source>Units compared</source>
        <translation>比较的单位数</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="113"/>
        <source>Alpha (nominal)</source>
        <translation>Alpha（名义）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="113"/>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="114"/>
        <source>Percent</source>
        <translation>百分比一致</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="114"/>
        <source>Alpha-U</source>
        <translation>Alpha-U</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="114"/>
        <source>|u-alpha</source>
        <translation>|u-alpha</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="114"/>
        <source>cu-alpha</source>
        <translation>cu-alpha</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="124"/>
        <source>Choose at least two coders to compare.</source>
        <translation>请至少选择两位编码员进行比较。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="133"/>
        <source>Computing the agreement of %1 coders…</source>
        <translation>正在计算 %1 位编码员的一致性…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="141"/>
        <source>Agreement could not be computed: %1</source>
        <translation>无法计算一致性：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="148"/>
        <source>%1 documents compared (%2 left out: fewer than two of the coders coded them); %3 units compared, of which no coder coded %4.</source>
        <translation>比较了 %1 篇文档（%2 篇未计入：编码员中不足两人编码过）；比较了 %3 个单位，其中无人编码的有 %4 个。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="152"/>
        <source>overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="156"/>
        <source>domain %1</source>
        <translation>语义域 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="158"/>
        <source>Cu-alpha across domains</source>
        <translation>跨语义域的 Cu-alpha</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/agreement_dialog.py" line="174"/>
        <source>Percent agreement ignores chance: read it beside alpha, never alone.</source>
        <translation>百分比一致未校正机遇一致：请与 alpha 并读，切勿单独使用。</translation>
    </message>
</context>
<context>
    <name>AnnotationsModel</name>
    <message>
        <location filename="../../desktop_app/gui/annotations/table_model.py" line="61"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/table_model.py" line="61"/>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/table_model.py" line="62"/>
        <source>Coder</source>
        <translation>编码员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/table_model.py" line="62"/>
        <source>Memo</source>
        <translation>备忘</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop_app/gui/shell/app.py" line="36"/>
        <source>Opening the project…</source>
        <translation>正在打开项目…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/app.py" line="47"/>
        <source>Preparing the sample project: %1</source>
        <translation>正在准备示例项目：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/app.py" line="81"/>
        <source>Something went wrong with the project: %1
The last change may not have been saved.</source>
        <translation>项目出错：%1
最近一次更改可能未保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/app.py" line="84"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/app.py" line="87"/>
        <source>The last change was not saved.</source>
        <translation>最近一次更改未保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/app.py" line="88"/>
        <source>Your coding so far is saved.</source>
        <translation>此前的编码均已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/app.py" line="101"/>
        <location filename="../../desktop_app/gui/shell/app.py" line="103"/>
        <location filename="../../desktop_app/gui/shell/app.py" line="133"/>
        <source>GovCoder</source>
        <translation>GovCoder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/app.py" line="134"/>
        <source>Cannot open the project:
%1</source>
        <translation>无法打开项目：
%1</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <location filename="../../desktop_app/gui/codebook/code_dialog.py" line="43"/>
        <source>one example a line: quote | source document</source>
        <translation>每行一个示例：引文 | 来源文档</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/code_dialog.py" line="49"/>
        <source>Can be applied to text (not just a category)</source>
        <translation>可用于编码文本（不只是类别）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/code_dialog.py" line="54"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/code_dialog.py" line="55"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/code_dialog.py" line="56"/>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/code_dialog.py" line="57"/>
        <source>Use when</source>
        <translation>适用情形</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/code_dialog.py" line="58"/>
        <source>Do not use when</source>
        <translation>不适用情形</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/code_dialog.py" line="59"/>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/code_dialog.py" line="60"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/code_dialog.py" line="61"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/code_dialog.py" line="62"/>
        <source>Shortcut key</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/code_dialog.py" line="78"/>
        <source>Code colour</source>
        <translation>编码颜色</translation>
    </message>
</context>
<context>
    <name>CodebookKeys</name>
    <message>
        <location filename="../../desktop_app/gui/codebook/keys.py" line="43"/>
        <source>Edit code…</source>
        <translation>编辑编码…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/keys.py" line="44"/>
        <source>New sub-code…</source>
        <translation>新建子编码…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/keys.py" line="45"/>
        <source>Delete code…</source>
        <translation>删除编码…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/keys.py" line="46"/>
        <source>Move code up</source>
        <translation>上移编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/keys.py" line="47"/>
        <source>Move code down</source>
        <translation>下移编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/keys.py" line="48"/>
        <source>Move code out of its parent</source>
        <translation>移出上级编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/keys.py" line="49"/>
        <source>Move code into the code above</source>
        <translation>移入上方编码</translation>
    </message>
</context>
<context>
    <name>CodebookModel</name>
    <message>
        <location filename="../../desktop_app/gui/codebook/tree_model.py" line="122"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/tree_model.py" line="122"/>
        <source>Here</source>
        <translation>本文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/tree_model.py" line="123"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>CodebookOps</name>
    <message>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="30"/>
        <source>New code %1</source>
        <translation>新建编码 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="36"/>
        <source>Move code %1</source>
        <translation>移动编码 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="43"/>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="48"/>
        <source>Edit code %1</source>
        <translation>编辑编码 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="53"/>
        <source>New code</source>
        <translation>新建编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="65"/>
        <source>Delete code %1</source>
        <translation>删除编码 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="70"/>
        <source>Delete code</source>
        <translation>删除编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="71"/>
        <source>%1 is applied %2 times. What should happen to those annotations?</source>
        <translation>%1 已被使用 %2 次。这些标注如何处理？</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="73"/>
        <source>Delete them too</source>
        <translation>一并删除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="74"/>
        <source>Reassign them…</source>
        <translation>改归其他编码…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="80"/>
        <source>Reassign annotations to</source>
        <translation>将标注改归到</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="86"/>
        <source>Merge %1 into</source>
        <translation>将 %1 合并到</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="88"/>
        <source>Merge %1 into %2</source>
        <translation>将 %1 合并到 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/codebook/actions.py" line="96"/>
        <source>Code:</source>
        <translation>编码：</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <location filename="../../desktop_app/gui/codebook/panel.py" line="57"/>
        <source>Filter codes</source>
        <translation>筛选编码</translation>
    </message>
</context>
<context>
    <name>CodersDialog</name>
    <message>
        <location filename="../../desktop_app/gui/annotations/coders_dialog.py" line="30"/>
        <source>Coders</source>
        <translation>编码员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coders_dialog.py" line="35"/>
        <source>A name or initials</source>
        <translation>姓名或缩写</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coders_dialog.py" line="36"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coders_dialog.py" line="38"/>
        <source>Rename selected</source>
        <translation>重命名所选</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coders_dialog.py" line="40"/>
        <source>Code as selected</source>
        <translation>以所选身份编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coders_dialog.py" line="74"/>
        <source>%1 — %2 annotations, %3 documents done</source>
        <translation>%1 — %2 条标注，%3 篇文档已完成</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coders_dialog.py" line="77"/>
        <source>(coding now)</source>
        <translation>（当前编码员）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coders_dialog.py" line="82"/>
        <source>Coding as: %1</source>
        <translation>当前编码员：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coders_dialog.py" line="97"/>
        <source>Add coder %1</source>
        <translation>添加编码员 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coders_dialog.py" line="105"/>
        <source>Rename coder %1 to %2</source>
        <translation>将编码员 %1 重命名为 %2</translation>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="89"/>
        <source>Code selection with the current code</source>
        <translation>用当前编码标注所选文本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="90"/>
        <source>Delete annotation</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="91"/>
        <source>Widen end by a word</source>
        <translation>结尾扩展一个词</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="92"/>
        <source>Narrow end by a word</source>
        <translation>结尾收缩一个词</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="93"/>
        <source>Widen start by a word</source>
        <translation>开头扩展一个词</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="94"/>
        <source>Narrow start by a word</source>
        <translation>开头收缩一个词</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="95"/>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="186"/>
        <source>Edit memo</source>
        <translation>编辑备忘</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="96"/>
        <source>New code from selection…</source>
        <translation>以所选文本新建编码…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="120"/>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="232"/>
        <source>Select some text first, then choose a code.</source>
        <translation>请先选择文本，再选择编码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="112"/>
        <source>%1 is a category: choose one of its codes.</source>
        <translation>%1 是类别：请选择其下的编码。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="97"/>
        <source>Next annotation</source>
        <translation>下一条标注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="98"/>
        <source>Previous annotation</source>
        <translation>上一条标注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="174"/>
        <source>Widen annotation</source>
        <translation>扩展标注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="174"/>
        <source>Narrow annotation</source>
        <translation>收缩标注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="179"/>
        <source>Recode annotation</source>
        <translation>更改标注编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="188"/>
        <source>Edit document memo</source>
        <translation>编辑文档备忘</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="188"/>
        <source>Edit code memo</source>
        <translation>编辑编码备忘</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="199"/>
        <source>Memo on the document %1</source>
        <translation>文档备忘：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="201"/>
        <source>Memo on the code %1</source>
        <translation>编码备忘：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="213"/>
        <source>Mark document %1</source>
        <translation>将文档标记为%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="235"/>
        <source>New code from selection</source>
        <translation>以所选文本新建编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="235"/>
        <source>Code name:</source>
        <translation>编码名称：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="269"/>
        <source>Code selection as</source>
        <translation>将所选文本编码为</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="278"/>
        <source>Select</source>
        <translation>选中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="279"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="281"/>
        <source>Recode as</source>
        <translation>改为编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="291"/>
        <source>Mark as %1</source>
        <translation>标记为%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="300"/>
        <source>Code selection with this code</source>
        <translation>用此编码标注所选文本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="301"/>
        <source>Show coded segments</source>
        <translation>显示编码片段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="302"/>
        <source>Code memo…</source>
        <translation>编码备忘…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="305"/>
        <source>Show highlights of this code</source>
        <translation>显示此编码的高亮</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="306"/>
        <source>Hide highlights of this code</source>
        <translation>隐藏此编码的高亮</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="308"/>
        <source>Highlight only this code</source>
        <translation>只高亮此编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="311"/>
        <source>Highlight all codes</source>
        <translation>高亮全部编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="319"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="317"/>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/coding.py" line="323"/>
        <source>New top-level code…</source>
        <translation>新建顶级编码…</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../desktop_app/gui/annotations/commands.py" line="21"/>
        <source>Code “%1” as %2</source>
        <translation>将“%1”编码为 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/commands.py" line="48"/>
        <source>Delete annotation %1</source>
        <translation>删除标注 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/adjudication_commands.py" line="23"/>
        <source>Edited span for %1</source>
        <translation>%1 处的编辑片段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/adjudication_commands.py" line="25"/>
        <source>Take %1 at %2</source>
        <translation>在 %2 处采用 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/adjudication_commands.py" line="28"/>
        <source>Take both at %1</source>
        <translation>在 %1 处采用双方</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/adjudication_commands.py" line="30"/>
        <source>Take neither at %1</source>
        <translation>在 %1 处均不采用</translation>
    </message>
</context>
<context>
    <name>Disagreements</name>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="18"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="19"/>
        <source>different code</source>
        <translation>编码不同</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="20"/>
        <source>different extent</source>
        <translation>范围不同</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="28"/>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="29"/>
        <source>took %1</source>
        <translation>采用 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="30"/>
        <source>both</source>
        <translation>双方</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="31"/>
        <source>neither</source>
        <translation>均不采用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="32"/>
        <source>edited span</source>
        <translation>编辑片段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="34"/>
        <source>%1 (by %2)</source>
        <translation>%1（%2 裁定）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="77"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="78"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="79"/>
        <source>Codes</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="80"/>
        <source>Coders</source>
        <translation>编码员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="81"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_model.py" line="82"/>
        <source>Decision</source>
        <translation>裁定</translation>
    </message>
</context>
<context>
    <name>DisagreementsPanel</name>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="102"/>
        <source>and</source>
        <translation>与</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="103"/>
        <source>Take A</source>
        <translation>采用 A</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="103"/>
        <source>Take B</source>
        <translation>采用 B</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="103"/>
        <source>Both</source>
        <translation>双方</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="104"/>
        <source>Neither</source>
        <translation>均不采用</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="104"/>
        <source>Edited span</source>
        <translation>编辑片段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="105"/>
        <source>Copy the first coder’s spans into the consensus layer (1)</source>
        <translation>将第一位编码员的片段复制到共识层（1）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="106"/>
        <source>Copy the second coder’s spans into the consensus layer (2)</source>
        <translation>将第二位编码员的片段复制到共识层（2）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="107"/>
        <source>Copy both coders’ spans into the consensus layer (3)</source>
        <translation>将两位编码员的片段都复制到共识层（3）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="108"/>
        <source>Leave the passage uncoded in the consensus layer (0)</source>
        <translation>在共识层中不对该段落编码（0）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="109"/>
        <source>Apply the passage’s codes to the span selected in the text (E)</source>
        <translation>将该段落的编码应用到文本中选定的片段（E）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="171"/>
        <source>Choose two different coders.</source>
        <translation>请选择两位不同的编码员。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="196"/>
        <source>%1 disagreements, %2 decided into the consensus layer</source>
        <translation>%1 处分歧，%2 处已裁定进入共识层</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="231"/>
        <source>Choose a disagreement in the list first.</source>
        <translation>请先在列表中选择一处分歧。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="240"/>
        <source>Select the consensus span in the text of this passage’s document first.</source>
        <translation>请先在该段落所在文档的文本中选定共识片段。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/disagreements_panel.py" line="247"/>
        <source>This disagreement is decided already: undo that decision first (Edit &gt; Undo).</source>
        <translation>此分歧已裁定：请先撤销该裁定（编辑 &gt; 撤销）。</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../desktop_app/gui/documents/details_dialog.py" line="16"/>
        <source>Document details</source>
        <translation>文档信息</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/details_dialog.py" line="27"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/details_dialog.py" line="27"/>
        <source>Outlet</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/details_dialog.py" line="27"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/details_dialog.py" line="28"/>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/details_dialog.py" line="28"/>
        <source>Address</source>
        <translation>网址</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="18"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="19"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="20"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="26"/>
        <source>simplified</source>
        <translation>简体</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="27"/>
        <source>traditional</source>
        <translation>繁体</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="28"/>
        <source>mixed</source>
        <translation>混合</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="29"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="48"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="48"/>
        <source>Outlet</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="48"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="49"/>
        <source>Script</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="49"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="49"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/list_model.py" line="50"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../desktop_app/gui/documents/panel.py" line="54"/>
        <source>Filter by title, outlet or date</source>
        <translation>按标题、来源或日期筛选</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/panel.py" line="55"/>
        <source>Only my assigned documents</source>
        <translation>仅显示分配给我的文档</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="31"/>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="78"/>
        <source>Export project</source>
        <translation>导出项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="43"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="49"/>
        <source>&amp;Program:</source>
        <translation>软件(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="53"/>
        <source>&amp;Coders:</source>
        <translation>编码员(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="53"/>
        <source>C&amp;odes:</source>
        <translation>代码(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="57"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="62"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="74"/>
        <source>Target: %1. %2</source>
        <translation>目标格式：%1。%2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="79"/>
        <source>REFI-QDA project (*.qdpx)</source>
        <translation>REFI-QDA 项目 (*.qdpx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="99"/>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="102"/>
        <source>NVivo counts positions in UTF-16 code units over CRLF text: a generic file puts every coding after a character outside the BMP (𠮷, emoji) one place off per such character.</source>
        <translation>NVivo 以 UTF-16 码元计算 CRLF 文本中的位置：通用文件会使基本多文种平面之外的字符（𠮷、表情符号）之后的每处编码，每遇一个此类字符就偏移一位。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="105"/>
        <source>MAXQDA reads CRLF text counting code points with CRLF as two, and keeps document variables on one Case per document: the maxqda target writes both that way.</source>
        <translation>MAXQDA 读取 CRLF 文本，按码位计数且 CRLF 计为两个，并把文档变量放在每篇文档的一个个案（Case）上：maxqda 目标格式正是这样写出两者。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="107"/>
        <source>ATLAS.ti counts code points with a line end as one, as the generic LF text gives.</source>
        <translation>ATLAS.ti 按码位计数，换行计为一个，与通用格式的 LF 文本一致。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="108"/>
        <source>QualCoder counts code points over LF text, as the specification does.</source>
        <translation>QualCoder 与规范一样，按码位计算 LF 文本中的位置。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/export_dialog.py" line="109"/>
        <source>The specification: code points over UTF-8 text with LF line ends.</source>
        <translation>规范做法：在 LF 换行的 UTF-8 文本上按码位计数。</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="83"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="84"/>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="85"/>
        <source>Save a &amp;copy…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="86"/>
        <source>&amp;Import documents…</source>
        <translation>导入文档(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="87"/>
        <source>Import &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="88"/>
        <source>&amp;Export project…</source>
        <translation>导出项目(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="89"/>
        <source>Export in another &amp;format…</source>
        <translation>以其他格式导出(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="96"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="139"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="142"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="143"/>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="165"/>
        <source>GovCoder projects (*.govcoder);;All files (*)</source>
        <translation>GovCoder 项目 (*.govcoder);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="150"/>
        <source>Opening the project…</source>
        <translation>正在打开项目…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="164"/>
        <source>Save a copy of the project</source>
        <translation>另存项目副本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="174"/>
        <source>Saving a copy…</source>
        <translation>正在保存副本…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="180"/>
        <source>Saved a copy with %1 documents and %2 annotations to %3</source>
        <translation>已将含 %1 篇文档、%2 条标注的副本保存到 %3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="194"/>
        <source>All supported files</source>
        <translation>所有支持的文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="195"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="196"/>
        <source>Tables, one article per row</source>
        <translation>表格（每行一篇文章）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="197"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="202"/>
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="208"/>
        <source>Import folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="235"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="241"/>
        <source>Imported %1, skipped %2, failed %3.</source>
        <translation>已导入 %1 篇，跳过 %2 篇，失败 %3 篇。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="254"/>
        <source>… and %1 more (Show Details lists them all)</source>
        <translation>……另有 %1 项（“显示详细信息”中列出全部）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="261"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="323"/>
        <source>Exported %1 documents and %2 annotations to %3 (target %4)</source>
        <translation>已将 %1 篇文档和 %2 条标注导出到 %3（目标格式 %4）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="247"/>
        <source>Nothing was imported: the folder holds no supported files.</source>
        <translation>未导入任何内容：该文件夹中没有支持的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="270"/>
        <source>REFI-QDA project (*.qdpx)</source>
        <translation>REFI-QDA 项目 (*.qdpx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="270"/>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA 编码本 (*.qdc)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="271"/>
        <source>Annotations table (*.csv)</source>
        <translation>标注表 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="271"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="272"/>
        <source>GovCoder JSON (*.json)</source>
        <translation>GovCoder JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="277"/>
        <source>Export project</source>
        <translation>导出项目</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="301"/>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/file_actions.py" line="318"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop_app/gui/reading/find_bar.py" line="29"/>
        <source>Find (simplified or traditional)</source>
        <translation>查找（简体或繁体）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/reading/find_bar.py" line="50"/>
        <source>%1 found</source>
        <translation>找到 %1 处</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="66"/>
        <source>Import options</source>
        <translation>导入选项</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="74"/>
        <source>Cleaning</source>
        <translation>清理</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="77"/>
        <source>Remove &amp;pinyin glosses</source>
        <translation>删除拼音注音(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="77"/>
        <source>報(bào)訊 becomes 報訊</source>
        <translation>報(bào)訊 变为 報訊</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="78"/>
        <source>Move web &amp;furniture out of the text</source>
        <translation>将网页杂项移出正文(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="79"/>
        <source>Breadcrumbs, header lines, photo captions, editor and credit lines, share buttons and lists of other headlines; dates, sources and authors found there still become the document&apos;s details</source>
        <translation>面包屑导航、页眉行、图片说明、编辑与署名行、分享按钮和其他新闻标题列表；其中的日期、来源和作者仍会记入文档详情</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="82"/>
        <source>Tidy &amp;whitespace</source>
        <translation>整理空白(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="83"/>
        <source>Strip indentation and trailing spaces, collapse runs of blank lines</source>
        <translation>去除缩进和行尾空格，合并连续的空行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="84"/>
        <source>Flag &amp;mojibake</source>
        <translation>标记乱码(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="85"/>
        <source>Mark text that looks garbled by a wrong encoding; the text is left as it is</source>
        <translation>标出疑似因字符编码错误而产生的乱码；正文保持不变</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="96"/>
        <source>Cleaning only removes text; each document keeps its text as it was read.</source>
        <translation>清理只会删除文字；每篇文档都会保留读取时的原文。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="105"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="107"/>
        <source>Automatic tries UTF-8, GB18030 and Big5 for each file; choose one when a file comes out garbled</source>
        <translation>“自动”会对每个文件依次尝试 UTF-8、GB18030 和 Big5；文件出现乱码时请手动选择</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="109"/>
        <source>&amp;Encoding:</source>
        <translation>字符编码(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="114"/>
        <source>Import &amp;duplicates anyway</source>
        <translation>仍然导入重复文章(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="116"/>
        <source>Otherwise an article whose text is already in the project is skipped</source>
        <translation>不勾选时，正文已在项目中的文章会被跳过</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="123"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="133"/>
        <source>Every supported file in %1 and its sub-folders</source>
        <translation>%1 及其子文件夹中所有支持的文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="135"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/import_dialog.py" line="136"/>
        <source>%1 files</source>
        <translation>%1 个文件</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="119"/>
        <source>GovCoder — %1</source>
        <translation>GovCoder — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="120"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="121"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="122"/>
        <source>&amp;Annotation</source>
        <translation>标注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="123"/>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="124"/>
        <source>Original text and cleaning record…</source>
        <translation>原文与清理记录…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="125"/>
        <source>Document memo</source>
        <translation>文档备忘</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="126"/>
        <source>Mark as not started</source>
        <translation>标记为未开始</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="127"/>
        <source>Mark as in progress</source>
        <translation>标记为进行中</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="128"/>
        <source>Mark as done</source>
        <translation>标记为已完成</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="129"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="130"/>
        <source>Word boundaries</source>
        <translation>词语边界</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="131"/>
        <source>Coders shown</source>
        <translation>显示的编码员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="132"/>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="133"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="134"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="135"/>
        <source>A&amp;nalysis</source>
        <translation>分析(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="136"/>
        <source>Disagreements and adjudication…</source>
        <translation>分歧与裁定…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="137"/>
        <source>Inter-coder agreement…</source>
        <translation>编码员间一致性…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="138"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="139"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="140"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="141"/>
        <source>&amp;Find in document…</source>
        <translation>在文档中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="142"/>
        <source>Find next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="143"/>
        <source>Find previous</source>
        <translation>查找上一个</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="144"/>
        <source>Go to documents</source>
        <translation>转到文档列表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="144"/>
        <source>Go to the text</source>
        <translation>转到正文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="145"/>
        <source>Go to the codebook</source>
        <translation>转到编码本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="145"/>
        <source>Go to annotations</source>
        <translation>转到标注列表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="148"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="149"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="150"/>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="151"/>
        <source>Show other coders’ annotations</source>
        <translation>显示其他编码员的标注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="152"/>
        <source>Hidden</source>
        <translation>不显示</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="153"/>
        <source>Subtle separators</source>
        <translation>淡色分隔线</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="154"/>
        <source>Alternating shading</source>
        <translation>交替底色</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="155"/>
        <source>Edit details…</source>
        <translation>编辑文档信息…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="156"/>
        <source>Coder name…</source>
        <translation>编码员姓名…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="157"/>
        <source>Coders…</source>
        <translation>编码员…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="158"/>
        <source>Blind coding (others’ annotations hidden until a document is done)</source>
        <translation>盲编码（文档完成前隐藏他人的标注）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="160"/>
        <source>Compare coders side by side…</source>
        <translation>并排比较编码员…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="161"/>
        <source>About GovCoder</source>
        <translation>关于 GovCoder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/menus.py" line="162"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="117"/>
        <source>Coder</source>
        <translation>编码员</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="117"/>
        <source>Code as (your name or initials):</source>
        <translation>以此身份编码（姓名或缩写）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="154"/>
        <source>Turn blind coding on</source>
        <translation>开启盲编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="154"/>
        <source>Turn blind coding off</source>
        <translation>关闭盲编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="253"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="253"/>
        <source>Codebook</source>
        <translation>编码本</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="254"/>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="254"/>
        <source>Memo</source>
        <translation>备忘</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="255"/>
        <source>Undo history</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="255"/>
        <source>Coded segments</source>
        <translation>编码片段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="256"/>
        <source>Disagreements</source>
        <translation>分歧</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="260"/>
        <source>&lt;opened&gt;</source>
        <translation>&lt;已打开&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="391"/>
        <source>Edit details of %1</source>
        <translation>编辑文档信息：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="497"/>
        <source>GovCoder</source>
        <translation>GovCoder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="509"/>
        <source>Project: %1 (moved or deleted: nothing more is saved)</source>
        <translation>项目：%1（已被移动或删除：不再保存任何更改）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="512"/>
        <source>Project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="513"/>
        <source>Coder: %1</source>
        <translation>编码员：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="517"/>
        <source>%1 characters · %2 annotations (%3 mine)</source>
        <translation>%1 字 · %2 条标注（我的 %3 条）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/main_window.py" line="521"/>
        <source>No document open</source>
        <translation>未打开文档</translation>
    </message>
</context>
<context>
    <name>MemoPanel</name>
    <message>
        <location filename="../../desktop_app/gui/annotations/panels.py" line="89"/>
        <source>Save memo</source>
        <translation>保存备忘</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/panels.py" line="90"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/panels.py" line="91"/>
        <source>Select an annotation to write its memo.</source>
        <translation>选中一条标注以撰写备忘。</translation>
    </message>
</context>
<context>
    <name>ProjectImport</name>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="31"/>
        <source>&amp;New project from a REFI-QDA or JSON project file…</source>
        <translation>从 REFI-QDA 或 JSON 项目文件新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="32"/>
        <source>Import a project file into &amp;this project…</source>
        <translation>将项目文件导入本项目(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="35"/>
        <source>Project files (*.qdpx *.qde *.json);;All files (*)</source>
        <translation>项目文件 (*.qdpx *.qde *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="38"/>
        <source>Project file to start from</source>
        <translation>作为起点的项目文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="43"/>
        <source>Save the new project as</source>
        <translation>新项目另存为</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="44"/>
        <source>GovCoder projects (*.govcoder)</source>
        <translation>GovCoder 项目 (*.govcoder)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="56"/>
        <source>%1 already exists: choose a new file for the new project.</source>
        <translation>%1 已存在：请为新项目选择一个新文件。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="76"/>
        <source>Making a project from %1…</source>
        <translation>正在从 %1 新建项目…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="79"/>
        <source>Project file to import</source>
        <translation>要导入的项目文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="83"/>
        <source>Keep ours (the project&apos;s values)</source>
        <translation>保留我方（本项目的值）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="83"/>
        <source>Take theirs (the file&apos;s values)</source>
        <translation>采用对方（文件中的值）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="84"/>
        <source>Keep both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="86"/>
        <source>Import a project file</source>
        <translation>导入项目文件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="87"/>
        <source>Documents, codes, annotations and memos already in the project are not added again.
Where the project and the file differ (a memo, a description, a moved span):</source>
        <translation>项目中已有的文档、编码、标注和备忘不会重复添加。
项目与文件不一致之处（备忘、说明、移动过的片段）：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/project_import.py" line="103"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
</context>
<context>
    <name>SegmentsPanel</name>
    <message>
        <location filename="../../desktop_app/gui/annotations/segments_panel.py" line="60"/>
        <source>with sub-codes</source>
        <translation>含子编码</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/segments_panel.py" line="61"/>
        <source>mine only</source>
        <translation>只看我的</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/annotations/segments_model.py" line="177"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <location filename="../../desktop_app/gui/analysis/side_by_side.py" line="20"/>
        <source>Coders side by side</source>
        <translation>编码员并排比较</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/side_by_side.py" line="45"/>
        <source>Open a document first.</source>
        <translation>请先打开一个文档。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/analysis/side_by_side.py" line="63"/>
        <source>Blind coding: the other coders&apos; annotations appear once you mark this document done.</source>
        <translation>盲编码：将此文档标记为完成后，其他编码员的标注才会显示。</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="74"/>
        <source>Source of %1</source>
        <translation>%1 的来源</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="88"/>
        <source>Original text</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="182"/>
        <source>Nothing was cleaned.</source>
        <translation>未作任何清理。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="97"/>
        <source>Cleaning record</source>
        <translation>清理记录</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="92"/>
        <source>Cleaning step</source>
        <translation>清理步骤</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="92"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="92"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="111"/>
        <source>Pinyin glosses removed</source>
        <translation>已删除的拼音注音</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="112"/>
        <source>Web furniture moved out of the text</source>
        <translation>移出正文的网页杂项</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="113"/>
        <source>Indentation and blank lines tidied</source>
        <translation>已整理的缩进和空行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="114"/>
        <source>Suspected mojibake (flagged, left in the text)</source>
        <translation>疑似乱码（已标记，保留在正文中）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="115"/>
        <source>Control characters removed (shown as ␀)</source>
        <translation>已删除控制字符（显示为 ␀）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="137"/>
        <source>Cleaning changed nothing: the text is stored as published.</source>
        <translation>清理未作任何改动：正文按原文保存。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="145"/>
        <source>Marked in the text as published:</source>
        <translation>在原文中标出：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="172"/>
        <source>… %1 more, all marked in the original</source>
        <translation>……另有 %1 项，均已在原文中标出</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="178"/>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="190"/>
        <source>breadcrumb</source>
        <translation>导航路径</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="190"/>
        <source>title line (now the title)</source>
        <translation>标题行（已作为标题）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="191"/>
        <source>date/source header line</source>
        <translation>时间/来源栏</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="191"/>
        <source>photo caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="192"/>
        <source>reviewer/editor line</source>
        <translation>审稿/编辑署名行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="192"/>
        <source>credit line</source>
        <translation>署名行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="193"/>
        <source>source line</source>
        <translation>来源行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="193"/>
        <source>stray question marks</source>
        <translation>零散问号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="194"/>
        <source>report/follow/share widgets</source>
        <translation>举报/关注/分享控件</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="194"/>
        <source>list of unrelated headlines</source>
        <translation>无关标题列表</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="213"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="213"/>
        <source>Outlet</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="214"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="214"/>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="215"/>
        <source>Address</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="215"/>
        <source>Script</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="222"/>
        <source>Dates seen:</source>
        <translation>发现的日期：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="227"/>
        <source>Publication date taken from: %1</source>
        <translation>发布日期取自：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="230"/>
        <source>The dates disagree: check which is the publication date.</source>
        <translation>日期不一致：请核对哪一个是发布日期。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="232"/>
        <source>Places where the file could not be decoded: %1 (each shown as � and flagged as mojibake)</source>
        <translation>文件中无法解码之处：%1 处（每处都显示为 �，并标记为乱码）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="236"/>
        <source>Outlets seen:</source>
        <translation>发现的来源：</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="242"/>
        <source>header line</source>
        <translation>页眉栏</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="242"/>
        <source>dateline</source>
        <translation>电头</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="243"/>
        <source>after the last sentence</source>
        <translation>末句之后</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="243"/>
        <source>source line at the end</source>
        <translation>文末来源行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="244"/>
        <source>platform account</source>
        <translation>平台账号</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="244"/>
        <source>the file&apos;s own fields</source>
        <translation>文件自带字段</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/documents/source_dialog.py" line="99"/>
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="109"/>
        <source>Waiting for another program to finish writing to the project…</source>
        <translation>正在等待另一个程序完成对项目的写入…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="197"/>
        <source>The project file was moved while it was open.
It was at: %1
It is now at: %2</source>
        <translation>项目文件在打开期间被移动了。
原位置：%1
现位置：%2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="200"/>
        <source>The project file was moved or renamed while it was open.
It was at: %1</source>
        <translation>项目文件在打开期间被移动或重命名了。
原位置：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="203"/>
        <source>The project file was deleted while it was open.
It was at: %1</source>
        <translation>项目文件在打开期间被删除了。
原位置：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="205"/>
        <source>The project file was replaced by another file while it was open.
It is at: %1</source>
        <translation>项目文件在打开期间被另一个文件替换了。
位置：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="208"/>
        <source>The project file cannot be reached.
It is at: %1</source>
        <translation>无法访问项目文件。
位置：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="210"/>
        <source>This change was not saved, and no further change will be. Restore the file (from the wastebasket or a backup) and open it again.</source>
        <translation>此项更改未保存，之后的更改也不会保存。请（从回收站或备份中）恢复该文件后重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="213"/>
        <source>This change was not saved, and no further change will be until you open the project again from where it is now; the changes made before are in it.</source>
        <translation>此项更改未保存；在从新位置重新打开项目之前，之后的更改也不会保存。此前的更改都已在该文件中。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="220"/>
        <source>Another program (another GovCoder window or a govcoder command) is writing to the project. Try again when it has finished.</source>
        <translation>另一个程序（另一个 GovCoder 窗口或 govcoder 命令）正在写入项目。请待其完成后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="222"/>
        <source>The disk holding the project is full. Free some space and try again.</source>
        <translation>项目所在的磁盘已满。请腾出空间后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="223"/>
        <source>The project cannot be written (a read-only file or folder).</source>
        <translation>无法写入项目（文件或文件夹为只读）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="224"/>
        <source>The project file is damaged. Work on a copy and restore it from a backup.</source>
        <translation>项目文件已损坏。请在副本上操作，并从备份中恢复。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="226"/>
        <source>The project cannot be reached (a disconnected drive, or a database server that is down).</source>
        <translation>无法访问项目（磁盘已断开，或数据库服务器已停止）。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="231"/>
        <source>This change was not saved: %1</source>
        <translation>此项更改未保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/base/workbench.py" line="289"/>
        <source>Open a document first.</source>
        <translation>请先打开一个文档。</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../desktop_app/gui/shell/help_dialogs.py" line="16"/>
        <source>Code with %1</source>
        <translation>编码为 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/help_dialogs.py" line="23"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/help_dialogs.py" line="26"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/help_dialogs.py" line="26"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/help_dialogs.py" line="38"/>
        <source>About GovCoder</source>
        <translation>关于 GovCoder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/shell/help_dialogs.py" line="39"/>
        <source>GovCoder: qualitative coding of Chinese texts on grassroots governance.</source>
        <translation>GovCoder：基层治理中文文本的质性编码工具。</translation>
    </message>
</context>
</TS>
