"""Writes fixtures/workbook.xls and fixtures/workbook.ods: one small list as
departments publish it in spreadsheets, to test reading those formats.

The workbook has a notice sheet, then one sheet per item type; item cells
are merged down over their tier rows, codes are typed as numbers, and the
duty cells hold line breaks. Needs xlwt and odfpy (pip install xlwt odfpy).
Run from the repository root: python3 tools/gen_sheet_fixtures.py
"""

NOTICE = ["某市医疗保障局权责清单", "发文字号：某医保发〔2021〕7号", "某市医疗保障局", "2021年3月5日"]
HEADER = ["序号", "事项名称", "事项编码", "事项类型", "实施主体", "设定依据", "实施层级", "实施权限", "责任事项", "追责情形", "备注"]
DUTIES = "直接实施责任：\n1.依法受理。\n2.依法审查。\n指导监督责任：\n1.指导下级。"
SHEETS = {
    "行政处罚": [
        # seq, name, code (a number), type, department, basis, tiers [(level, scope)], liability, remarks
        (1, "对定点医药机构违规行为的处罚", 3700000236001, "行政处罚", "某市医疗保障局",
         "【法律】《社会保险法》（2018年12月修正）第八十七条：社会保险经办机构以及医疗机构骗取社会保险基金支出的，处罚。",
         [("市", "负责本市行政区域内的处罚"), ("县", "负责本县行政区域内的处罚")],
         "因不履行或不正确履行行政职责，有下列情形的，应承担相应责任：\n1.没有法律和事实依据实施行政处罚的；\n2.擅自改变处罚种类的。", ""),
        (2, "对参保人员骗保行为的处罚", 3700000236002, "行政处罚", "某市医疗保障局",
         "【法律】《社会保险法》（2018年12月修正）第八十八条：以欺诈手段骗取社会保险待遇的，处罚。",
         [("市", "负责本市行政区域内的处罚")],
         "1.没有法律和事实依据实施行政处罚的。", "与公安机关协作"),
    ],
    "行政检查": [
        (1, "对医疗保障基金使用情况的检查", 3700000636001, "行政检查", "某市医疗保障局",
         "【行政法规】《医疗保障基金使用监督管理条例》（国务院令第735号）第二十二条：医疗保障行政部门应当加强监督检查。",
         [("市", "负责本市的检查"), ("县", "负责本县的检查")],
         "1.未按规定开展检查的。", ""),
    ],
}


def rows_of(items):
    """Each item's rows: its own cells on the first, then one row per further tier."""
    out = []
    for seq, name, code, kind, dept, basis, tiers, liability, remarks in items:
        for i, (level, scope) in enumerate(tiers):
            if i == 0:
                out.append([seq, name, code, kind, dept, basis, level, scope, DUTIES, liability, remarks])
            else:
                out.append([None] * 6 + [level, scope, DUTIES, None, None])
    return out


def spans(items):
    """(first row, rows) of each item, counted from the first data row."""
    at = 0
    for item in items:
        n = len(item[6])
        yield at, n
        at += n


def write_xls(path):
    import xlwt
    book = xlwt.Workbook(encoding="utf-8")
    wrap = xlwt.easyxf("alignment: wrap on, vert top")
    notice = book.add_sheet("说明")
    for r, line in enumerate(NOTICE):
        notice.write(r, 0, line)
    for name, items in SHEETS.items():
        sheet = book.add_sheet(name)
        for c, h in enumerate(HEADER):
            sheet.write(0, c, h)
        rows = rows_of(items)
        merged = set()
        for first, n in spans(items):
            if n > 1:
                for c in [0, 1, 2, 3, 4, 5, 9, 10]:
                    value = rows[first][c]
                    sheet.write_merge(1 + first, first + n, c, c, value if value is not None else "", wrap)
                    merged.update((1 + first + k, c) for k in range(n))
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if (r, c) in merged or value is None:
                    continue
                sheet.write(r, c, value, wrap)
    book.save(path)


def write_ods(path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P
    doc = OpenDocumentSpreadsheet()

    def cell(value, **attrs):
        if value is None:
            return TableCell(**attrs)
        if isinstance(value, int):
            c = TableCell(valuetype="float", value=str(value), **attrs)
            c.addElement(P(text=str(value)))
            return c
        c = TableCell(valuetype="string", **attrs)
        for line in str(value).split("\n"):
            c.addElement(P(text=line))
        return c

    notice = Table(name="说明")
    for line in NOTICE:
        tr = TableRow()
        tr.addElement(cell(line))
        notice.addElement(tr)
    doc.spreadsheet.addElement(notice)
    for name, items in SHEETS.items():
        table = Table(name=name)
        tr = TableRow()
        for h in HEADER:
            tr.addElement(cell(h))
        table.addElement(tr)
        rows = rows_of(items)
        firsts = dict(spans(items))
        for r, row in enumerate(rows):
            tr = TableRow()
            for c, value in enumerate(row):
                n = firsts.get(r)
                if n and n > 1 and c in (0, 1, 2, 3, 4, 5, 9, 10):
                    tr.addElement(cell(value, numberrowsspanned=str(n)))
                else:
                    tr.addElement(cell(value))
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(path)


if __name__ == "__main__":
    write_xls("fixtures/workbook.xls")
    write_ods("fixtures/workbook.ods")
