namespace Parley.Browser.Tests.Support;

/// <summary>The admin panel as the tests use it: the settings that turn it on (with moderation), and signing in.</summary>
public static class AdminPanel
{
    public const string Password = "s3cret";

    public static readonly ConfigSetting[] Settings =
        [new("moderation", "enabled", "true"), new("admin", "enabled", "true"), new("admin", "password", Password)];

    /// <summary>Opens the panel's sign-in page in <paramref name="page"/>.</summary>
    public static Task OpenAsync(IPage page, TestSite site) => page.GotoAsync(new Uri(site.Parley.Origin, "/admin/").ToString());

    /// <summary>Signs in on the open sign-in page.</summary>
    public static async Task SignInAsync(IPage page, string password = Password)
    {
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
