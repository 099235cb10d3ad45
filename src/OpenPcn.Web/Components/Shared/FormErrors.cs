using OpenPcn.Core.Common;

namespace OpenPcn.Web.Components.Shared;

/// <summary>
/// The errors of one form submission, each tied to the id of the field it is about, for the error summary (links to
/// the fields) and the messages beside the fields.
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string FieldId, string Message)> _items = [];

    public bool Any => _items.Count > 0;

    public IReadOnlyList<(string FieldId, string Message)> Items => _items;

    public void Add(string fieldId, string message)
    {
        if (!_items.Exists(i => i.FieldId == fieldId))
        {
            _items.Add((fieldId, message));
        }
    }

    public string? For(string fieldId) => _items.Find(i => i.FieldId == fieldId).Message;

    /// <summary>Adds a domain rule's errors, mapping its field names to this form's field ids.</summary>
    public void Add(RuleViolationException rule, IReadOnlyDictionary<string, string> fieldIds, string fallbackFieldId)
    {
        foreach (var (field, messages) in rule.Errors)
        {
            Add(fieldIds.TryGetValue(field, out var id) ? id : fallbackFieldId, messages.FirstOrDefault() ?? rule.Message);
        }
    }
}
