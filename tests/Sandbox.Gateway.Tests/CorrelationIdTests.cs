namespace Sandbox.Gateway.Tests;

public class CorrelationIdTests
{
    [Theory]
    [InlineData("abc-123")]
    [InlineData("0f6a16dd34ea4cf38b6144c1b8c4bc7d")]
    [InlineData("order:42.retry_1")]
    public void Accept_PlainId_KeepsIt(string incoming) =>
        Assert.Equal(incoming, CorrelationIdMiddleware.Accept(incoming));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("evil\r\nSet-Cookie: x=1")]
    [InlineData("<script>")]
    [InlineData("spaces are not allowed")]
    public void Accept_MissingOrUnsafeId_ReplacesWithNewId(string? incoming)
    {
        var id = CorrelationIdMiddleware.Accept(incoming);

        Assert.NotEqual(incoming, id);
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public void Accept_TooLongId_ReplacesIt()
    {
        var longId = new string('a', 65);

        Assert.NotEqual(longId, CorrelationIdMiddleware.Accept(longId));
        Assert.Equal(new string('a', 64), CorrelationIdMiddleware.Accept(new string('a', 64)));
    }

    [Fact]
    public void Accept_TwoMissingIds_GetDifferentIds() =>
        Assert.NotEqual(CorrelationIdMiddleware.Accept(null), CorrelationIdMiddleware.Accept(null));
}
