using System.Text.RegularExpressions;
using Xunit;

namespace CelerData.Generated.Tests.Wire;

/// <summary>
/// The conformance harness's strings made from patterns (<see cref="PatternSampler"/>): each must match its pattern
/// and fit the lengths, or be refused (null) for what the sampler does not model, never a string that fails.
/// </summary>
public sealed class PatternSamplerTests
{
    [Theory]
    [InlineData("^IS[0-9a-fA-F]{32}$", 0, null)]
    [InlineData("^CR[0-9a-fA-F]{32}$", 34, 34)]
    [InlineData("^arn:aws((-us-gov)|(-iso)|(-iso-b)|(-cn))?:healthlake:[^:]+:\\d{12}:datastore/.+$", 0, null)]
    [InlineData("arn:([a-z\\d-]+):forecast:.*:.*:.+", 0, null)]
    [InlineData("s3://[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9](/.*)?", 0, null)]
    [InlineData("^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+$", 0, null)]
    [InlineData("^/subscriptions/[^/]*/resourceGroups/[^/]*/providers/Microsoft\\.Web/sites/[^/]+$", 0, null)]
    [InlineData("^[a-zA-Z0-9]{6}$", 0, null)]
    [InlineData("^(?:[a-z]+|[0-9]+)-\\w{3,5}\\b$", 0, null)]
    [InlineData("^[A-Z]{2,}[a-z]*$", 5, 8)]
    [InlineData("^\\u0041+[\\x30-\\x39]{2}$", 0, null)]
    [InlineData("^[]a]+[^\\]]$", 0, null)]
    public void MakesAStringThePatternAccepts(string pattern, int minLength, int? maxLength)
    {
        var made = PatternSampler.Make(pattern, minLength, maxLength);

        Assert.NotNull(made);
        Assert.Matches(new Regex(pattern), made);
        Assert.InRange(made!.Length, minLength, maxLength ?? int.MaxValue);
    }

    [Theory]
    [InlineData("^(?=.*[A-Z]).+$")]
    [InlineData("^(a)\\1$")]
    [InlineData("^[a-z]+(")]
    [InlineData("^\\W+$")]
    public void RefusesWhatItDoesNotModel(string pattern) => Assert.Null(PatternSampler.Make(pattern, 0, null));

    [Fact]
    public void RefusesLengthsThePatternCannotReach() => Assert.Null(PatternSampler.Make("^[a-f]{4}$", 6, null));

    [Fact]
    public void GrowsTheFirstRepetitionThatMayGrow()
    {
        Assert.Equal("ab00", PatternSampler.Make("^ab[0-9]{1,3}$", 4, null));
        Assert.Equal("aaaaa", PatternSampler.Make("^a+$", 5, 5));
    }
}
