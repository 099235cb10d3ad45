using System.Net;

namespace OpenPcn.Web.Tests.TenancyMatrix;

/// <summary>Who may call an endpoint, by the policy its route declares.</summary>
public enum Access
{
    /// <summary>No sign-in needed (the token endpoint, sign-in page).</summary>
    Anyone,

    /// <summary>Any signed-in user (no named policy).</summary>
    SignedIn,
    ViewNetwork,
    EditNetwork,
    ManageUsers,
    Administer,
    ViewPatientRecords,
    ImportRecords,
    ViewDataQuality,
    WorkWorklists,
    EditLocalDefinitions,
    ViewWorkforce,
    EditWorkforce,
    ViewFinance,
    EditFinance,
    ViewStatements,
}

public sealed record MatrixRequest(string Method, string Url, object? Json = null, HttpContent? Content = null)
{
    /// <summary>Everything the caller sent, so an id the caller named is not taken for a leak when echoed back.</summary>
    public string Describe() => $"{Method} {Url} {(Json is null ? string.Empty : System.Text.Json.JsonSerializer.Serialize(Json))}";
}

/// <summary>
/// One row of the matrix: how to call the endpoint about the caller's own network, and (where the request can name
/// something) about the other network, with the status an allowed role must get for each.
/// </summary>
public sealed record MatrixEntry(
    string Key,
    Access Access,
    Func<MatrixContext, Task<MatrixRequest>> Own,
    HttpStatusCode OwnStatus,
    Func<MatrixContext, Task<MatrixRequest>>? Other = null,
    HttpStatusCode[]? OtherStatuses = null,
    bool OtherMayNameTheClashingNetwork = false)
{
    public bool IsWrite => !Key.StartsWith("GET ", StringComparison.Ordinal);
}
