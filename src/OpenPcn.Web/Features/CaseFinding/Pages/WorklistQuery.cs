using Microsoft.AspNetCore.WebUtilities;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Features.Network;

namespace OpenPcn.Web.Features.CaseFinding.Pages;

/// <summary>
/// A worklist page's filters as they travel in its address (status, practice, assignee, still qualifies, page): never a
/// patient's details, so the address is safe in history and logs. Shared by the page and its CSV and Excel links.
/// </summary>
internal sealed record WorklistQuery(string? Status, string? Practice, string? Assignee, string? Qualifies, int Page)
{
    public const string QualifiesYes = "yes";
    public const string QualifiesNo = "no";
    public const string QualifiesAll = "all";

    public static WorklistQuery From(IQueryCollection query) =>
        new(query["status"].FirstOrDefault(), query["practice"].FirstOrDefault(), query["assignee"].FirstOrDefault(), query["qualifies"].FirstOrDefault(),
            int.TryParse(query["page"].FirstOrDefault(), out var page) && page > 0 ? page : 1);

    /// <summary>The service's filter, or the field id and message of the first value that is not one of the choices.</summary>
    public (WorklistFilter? Filter, string? FieldId, string? Error) Read(int pageSize)
    {
        WorklistStatus? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (!Enum.TryParse<WorklistStatus>(Status, out var s) || !Enum.IsDefined(s))
            {
                return (null, "filter-status", "Choose a status from the list");
            }

            status = s;
        }

        PracticeCode? practice = null;
        if (!string.IsNullOrEmpty(Practice))
        {
            if (!PracticeCode.TryParse(Practice, out var p))
            {
                return (null, "filter-practice", "Choose a practice from the list");
            }

            practice = p;
        }

        bool? qualifies;
        switch (Qualifies)
        {
            case null or "" or QualifiesYes: qualifies = true; break;
            case QualifiesNo: qualifies = false; break;
            case QualifiesAll: qualifies = null; break;
            default: return (null, "filter-qualifies", "Choose whether patients still qualify");
        }

        var assignee = string.IsNullOrWhiteSpace(Assignee) ? null : Assignee.Trim();
        return (new WorklistFilter(status, practice, assignee, qualifies, Page, pageSize), null, null);
    }

    /// <summary>The address <paramref name="path"/> with these filters (and <paramref name="page"/>, when given).</summary>
    public string Href(string path, int? page = null, string? done = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["status"] = Status,
            ["practice"] = Practice,
            ["assignee"] = Assignee,
            ["qualifies"] = Qualifies,
            ["page"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["done"] = done,
        };
        return QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
