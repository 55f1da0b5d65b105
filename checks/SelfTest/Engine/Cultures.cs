using System.Globalization;

namespace DeepLearningKata.SelfTest;

/// <summary>Cultures that break code which formats numbers with the current culture.</summary>
internal static class Cultures
{
    /// <summary>
    /// German number formatting (<c>1.234,5</c>), with a Unicode minus sign (as <c>sv-SE</c> uses) on top.
    /// The projects run with invariant globalization, where <c>de-DE</c> does not exist or carries
    /// invariant data; then the same formatting is built on a copy of the invariant culture.
    /// </summary>
    public static CultureInfo DecimalComma()
    {
        CultureInfo culture;
        try
        {
            culture = (CultureInfo)new CultureInfo("de-DE").Clone();
        }
        catch (CultureNotFoundException)
        {
            culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        }
        var numbers = culture.NumberFormat;
        numbers.NumberDecimalSeparator = ",";
        numbers.NumberGroupSeparator = ".";
        numbers.PercentDecimalSeparator = ",";
        numbers.PercentGroupSeparator = ".";
        numbers.NegativeSign = "\u2212";
        return culture;
    }
}
