namespace OpenPcn.Core.Common;

/// <summary>One page of a longer list: its items, which page (from 1), the page size and the total across all pages.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
