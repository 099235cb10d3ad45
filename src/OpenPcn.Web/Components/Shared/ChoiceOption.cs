namespace OpenPcn.Web.Components.Shared;

public sealed record ChoiceOption(string Value, string Text, string? Hint = null);
