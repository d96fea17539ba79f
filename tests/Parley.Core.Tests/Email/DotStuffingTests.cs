using System.Text;
using Parley.Core.Email;

namespace Parley.Core.Tests.Email;

public sealed class DotStuffingTests
{
    [Theory]
    [InlineData("a\r\nb\r\n", "a\r\nb\r\n.\r\n")]
    [InlineData("a\r\nb", "a\r\nb\r\n.\r\n")]
    [InlineData(".\r\n", "..\r\n.\r\n")]
    [InlineData("x\r\n.hidden\r\n..two\r\n", "x\r\n..hidden\r\n...two\r\n.\r\n")]
    [InlineData("a.b\r\n", "a.b\r\n.\r\n")]
    public void LinesStartingWithADotGetAnotherAndTheDataEndsWithCrlfDotCrlf(string message, string expected) =>
        Assert.Equal(expected, Encoding.ASCII.GetString(DotStuffing.Apply(Encoding.ASCII.GetBytes(message))));
}
