namespace OpenPcn.Core.Features.Population;

/// <summary>Administrative gender as recorded (FHIR <c>Patient.gender</c>).</summary>
public enum Sex
{
    Unknown = 0,
    Female = 1,
    Male = 2,
    Other = 3,
}
