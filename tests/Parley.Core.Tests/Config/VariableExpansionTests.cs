using Parley.Core.Config;

namespace Parley.Core.Tests.Config;

public class VariableExpansionTests
{
    private static string? Environment(string name) => name switch
    {
        "HOME" => "/home/isso",
        "DB" => "comments.db",
        "LOOP" => "$HOME",
        _ => null,
    };

    [Theory]
    [InlineData("$HOME/x", "/home/isso/x")]
    [InlineData("${HOME}/x", "/home/isso/x")]
    [InlineData("${HOME}${DB}", "/home/issocomments.db")]
    [InlineData("$HOME_DIR", "$HOME_DIR")]
    [InlineData("$MISSING_ENV_VAR and $DB", "$MISSING_ENV_VAR and comments.db")]
    [InlineData("${MISSING}", "${MISSING}")]
    [InlineData("$LOOP", "$HOME")]
    [InlineData("cost: 5$", "cost: 5$")]
    [InlineData("${unclosed", "${unclosed")]
    [InlineData("%s%%", "%s%%")]
    public void ExpandsDefinedVariablesOnlyAndOnce(string value, string expected)
    {
        Assert.Equal(expected, VariableExpansion.Expand(value, Environment));
    }
}
