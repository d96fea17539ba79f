namespace Parley.Browser.Tests.Support;

/// <summary>Where things live in the repository the tests were built from.</summary>
public static class RepoPaths
{
    /// <summary>The parley.dll built with the same configuration as these tests (the project reference builds it first).</summary>
    public static string ParleyDll => Checkout.Built(Path.Combine("src", "Parley"), "parley.dll");

    /// <summary>The built server's copy of the client files, as Parley serves them.</summary>
    public static string ParleyWebRoot => Path.Combine(Path.GetDirectoryName(ParleyDll)!, "wwwroot");

    public static string Catalogue(string lang) => Path.Combine(Checkout.Root, "client", "i18n", lang + ".json");

    /// <summary>axe-core, installed with the client's development packages (npm ci in client/).</summary>
    public static string Axe => Path.Combine(Checkout.Root, "client", "node_modules", "axe-core", "axe.min.js");

    public static string Screenshots => Path.Combine(Checkout.Root, "artifacts", "screenshots");
}
