#!/usr/bin/env python3
"""Writes fixtures/word-document.docx: a list as a Word document holds it.

A covering notice, numbered type headings, two tables (a header row, an item
with two sub-items under cells merged down the column, a cell merged across
columns), duty lists numbered by Word itself (the numbers are not in the
text), a tracked deletion, a field code and a line break inside a cell.
Run from the repository root: python3 tools/make_docx_fixture.py
"""
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(text):
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text="", numbered=None, extra=""):
    ppr = ""
    if numbered is not None:
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{numbered}"/></w:numPr></w:pPr>'
    else:
        ppr = '<w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>'
    return f"<w:p>{ppr}{run(text) if text else ''}{extra}</w:p>"


def cell(content, span=1, vmerge=None):
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    paras = content if isinstance(content, str) and content.startswith("<w:p>") else para(content)
    return f'<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>'


def row(cells):
    return "<w:tr>" + "".join(cells) + "</w:tr>"


def table(rows):
    return "<w:tbl><w:tblPr/><w:tblGrid/>" + "".join(rows) + "</w:tbl>"


HEADER = row([cell(h) for h in ["序号", "事项名称", "子项名称", "事项类型", "事项编码", "实施主体", "设定依据", "责任事项", "追责情形", "备注"]])

duties = "".join(para(t, numbered=1) for t in ["受理责任：依法受理举报。", "调查责任：调查取证。", "决定责任：依法作出处罚决定。"])
duties2 = "".join(para(t, numbered=1) for t in ["检查责任：依法实施检查。", "处置责任：依法处置。"])
liability = para("因不履行或不正确履行应尽职责，有下列情形的，应承担相应责任：") + "".join(
    para(t, numbered=2) for t in ["没有法律依据实施处罚的；", "擅自改变处罚种类、幅度的。"]
)
basis = (
    "<w:p>" + run("【行政法规】《医疗保障基金使用监督管理条例》")
    + '<w:del w:id="1" w:author="x"><w:r><w:delText>（2020年）</w:delText></w:r></w:del>'
    + run("（国务院令第735号）第三十八条")
    + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    + "</w:p>"
)

table1 = table([
    HEADER,
    row([
        cell("1", vmerge="restart"), cell("对定点医药机构违法违规行为的处罚", vmerge="restart"),
        cell("对分解住院、挂床住院的处罚"), cell("行政处罚", vmerge="restart"),
        cell("11620700MB1950812X620236001001"), cell("张掖市医疗保障局", vmerge="restart"),
        cell(basis, vmerge="restart"), cell(duties, vmerge="restart"), cell(liability, vmerge="restart"), cell(""),
    ]),
    row([
        cell("", vmerge="continue"), cell("", vmerge="continue"),
        cell("对重复收费、超标准收费的处罚"), cell("", vmerge="continue"),
        cell("11620700MB1950812X620236001002"), cell("", vmerge="continue"),
        cell("", vmerge="continue"), cell("", vmerge="continue"), cell("", vmerge="continue"), cell(""),
    ]),
    row([
        cell("2"), cell("对个人骗取医疗保障基金的处罚"), cell(""), cell("行政处罚"),
        cell("11620700MB1950812X620236002000"), cell("张掖市医疗保障局"),
        cell("<w:p>" + run("《中华人民共和国社会保险法》第八十八条") + "<w:r><w:br/></w:r>" + run("《医疗保障基金使用监督管理条例》第四十一条") + "</w:p>"),
        cell(duties), cell(liability), cell("无"),
    ]),
])
table2 = table([
    HEADER,
    row([
        cell("3"), cell("对定点医药机构的监督检查"), cell(""), cell("行政检查"),
        cell("11620700MB1950812X620636001000"), cell("张掖市医疗保障局"),
        cell("《医疗保障基金使用监督管理条例》第二十七条"), cell(duties2),
        cell("1.未依法履行检查职责的。"), cell("本项目A&B两类", span=1),
    ]),
    row([cell("注：本清单随法律法规调整动态更新。", span=10)]),
])

body = (
    para("张掖市医疗保障局文件")
    + para("张医保发〔2023〕12号")
    + para("关于印发张掖市医疗保障局权责清单的通知")
    + para("各县区医疗保障局：")
    + para("现将《张掖市医疗保障局权责清单》印发给你们，请遵照执行。")
    + para("张掖市医疗保障局")
    + para("2023年5月8日")
    + para("一、行政处罚")
    + table1
    + para("二、行政检查")
    + table2
)
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>'
numbering = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>'''
content_types = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>'''
rels = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'''

with zipfile.ZipFile("fixtures/word-document.docx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("word/document.xml", document), ("word/numbering.xml", numbering)]:
        info = zipfile.ZipInfo(name, date_time=(2023, 5, 8, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
