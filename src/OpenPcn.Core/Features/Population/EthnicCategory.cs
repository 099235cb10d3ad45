namespace OpenPcn.Core.Features.Population;

/// <summary>The NHS Data Dictionary ethnic category codes (2001 census groups) that UK Core's extension carries.</summary>
public static class EthnicCategory
{
    /// <summary>The category's name, e.g. <c>A</c> → "White: British"; the code itself when it is not one of the list.</summary>
    public static string Describe(string code) => code switch
    {
        "A" => "White: British",
        "B" => "White: Irish",
        "C" => "White: any other White background",
        "D" => "Mixed: White and Black Caribbean",
        "E" => "Mixed: White and Black African",
        "F" => "Mixed: White and Asian",
        "G" => "Mixed: any other mixed background",
        "H" => "Asian or Asian British: Indian",
        "J" => "Asian or Asian British: Pakistani",
        "K" => "Asian or Asian British: Bangladeshi",
        "L" => "Asian or Asian British: any other Asian background",
        "M" => "Black or Black British: Caribbean",
        "N" => "Black or Black British: African",
        "P" => "Black or Black British: any other Black background",
        "R" => "Other ethnic groups: Chinese",
        "S" => "Other ethnic groups: any other ethnic group",
        "Z" => "Not stated",
        _ => code,
    };
}
