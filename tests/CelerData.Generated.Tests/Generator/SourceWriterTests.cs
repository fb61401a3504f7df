using CelerData.Generated.Emitting;
using Xunit;

namespace CelerData.Generated.Tests.Generator;

/// <summary>The writer re-indents multi-line blocks, writes summaries as short as they can be, and refuses to finish with a block left open.</summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void AOneLineSummaryStaysOnOneLine()
    {
        var writer = new SourceWriter();
        writer.Summary("  Reads <a> & b.  ");

        Assert.Equal("/// <summary>Reads &lt;a&gt; &amp; b.</summary>\n", writer.ToString());
    }

    [Fact]
    public void ASummaryOfSeveralLinesIsABlock()
    {
        var writer = new SourceWriter();
        writer.Summary("First.\n\nThird.");

        Assert.Equal("/// <summary>\n/// First.\n///\n/// Third.\n/// </summary>\n", writer.ToString());
    }

    [Fact]
    public void ABlockIsWrittenAtTheCurrentIndentation()
    {
        var writer = new SourceWriter();
        writer.Open("class C");
        writer.Block("""
                    void M()
                    {
                        Call();

                    }
                    """);
        writer.Close();

        Assert.Equal("class C\n{\n\tvoid M()\n\t{\n\t\tCall();\n\n\t}\n}\n", writer.ToString());
    }

    [Fact]
    public void ALevelIsOneTabAndABlocksOwnLevelsBecomeTabs()
    {
        var writer = new SourceWriter();
        writer.Indent().Line("a").Line("      b").Indent().Line("c").Outdent().Outdent();

        Assert.Equal("\ta\n\t\t  b\n\t\tc\n", writer.ToString());
    }

    [Fact]
    public void CarriageReturnsAreNormalized()
    {
        var writer = new SourceWriter();
        writer.Block("a\r\n  b");

        Assert.Equal("a\n  b\n", writer.ToString());
    }

    [Fact]
    public void AnUnclosedBlockIsAnError()
    {
        var writer = new SourceWriter();
        writer.Open("class C");

        var error = Assert.Throws<InvalidOperationException>(() => writer.ToString());
        Assert.Contains("1 level(s)", error.Message, StringComparison.Ordinal);
    }
}
