using ClosedXML.Excel;

namespace OpenPcn.Core.Tests.Features.Network.Directory;

/// <summary>
/// Builds an ePCN.xlsx to ODS's published layout (there is no real one on this machine): a PCNDetails sheet and a
/// PCN Core Partner Details sheet, headers in row 1. Cells are given as they should be stored: a
/// <see cref="DateTime"/> becomes a real date cell, a <see cref="double"/> a number, a string text.
/// </summary>
internal static class EpcnWorkbook
{
    public static readonly string[] DetailsHeader =
    [
        "PCN Code", "PCN Name", "Current Sub ICB Loc Code", "Sub ICB Location", "Open Date", "Close Date",
        "Address Line 1", "Address Line 2", "Address Line 3", "Address Line 4", "Address Line 5", "Postcode",
    ];

    public static readonly string[] PartnersHeader =
    [
        "Partner Organisation Code", "Partner Name", "Practice Parent Sub ICB Location Code", "Practice Parent Sub ICB Location Name",
        "PCN Code", "PCN Name", "PCN Parent Sub ICB Location Code", "PCN Parent Sub ICB Location Name",
        "Practice to PCN Relationship Start Date", "Practice to PCN Relationship End Date", "Practice Sub ICB and PCN Sub ICB Match?",
    ];

    public static object?[] Pcn(string code, string name, object? open, object? close = null) =>
        [code, name, "16C", "NHS North East and North Cumbria ICB - 16C", open, close, "THE HEALTH CENTRE", "LAWSON STREET", "STOCKTON-ON-TEES", null, null, "TS18 1HU"];

    public static object?[] Partner(string practice, string pcn, object? start, object? end = null) =>
        [practice, $"PRACTICE {practice}", "16C", "NHS North East and North Cumbria ICB - 16C", pcn, $"PCN {pcn}", "16C",
            "NHS North East and North Cumbria ICB - 16C", start, end, "Y"];

    public static byte[] Build(IEnumerable<object?[]>? details, IEnumerable<object?[]>? partners,
        string detailsSheet = "PCNDetails", string[]? detailsHeader = null)
    {
        using var workbook = new XLWorkbook();
        if (details is not null)
        {
            Fill(workbook.AddWorksheet(detailsSheet), detailsHeader ?? DetailsHeader, details);
        }

        if (partners is not null)
        {
            Fill(workbook.AddWorksheet("PCN Core Partner Details"), PartnersHeader, partners);
        }

        if (details is null && partners is null)
        {
            workbook.AddWorksheet("Sheet1").Cell(1, 1).Value = "Nothing here";
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Fill(IXLWorksheet sheet, string[] header, IEnumerable<object?[]> rows)
    {
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = header[c];
        }

        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (row[c])
                {
                    case null:
                        break;
                    case DateTime date:
                        cell.Value = date;
                        break;
                    case double number:
                        cell.Value = number;
                        break;
                    case string text:
                        cell.SetValue(text).SetDataType(XLDataType.Text);
                        break;
                }
            }

            r++;
        }
    }
}
