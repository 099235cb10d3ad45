namespace OpenPcn.Cohorts.Model;

/// <summary>A definition that does not make sense: a type or dimension mismatch, an unknown column or codelist.</summary>
/// <remarks>Thrown while the query model is built, so a bad definition never reaches an engine.</remarks>
public sealed class CohortModelException(string message) : Exception(message);
