namespace Parley.Core.Markup;

/// <summary>What happens to HTML the user typed into the Markdown.</summary>
internal enum TypedHtml
{
    /// <summary>Shown as text (mistune, misaka's <c>escape</c> flag).</summary>
    Escape,
    /// <summary>Written as is and left to the sanitiser (misaka's default).</summary>
    Pass,
    /// <summary>Dropped (misaka's <c>skip-html</c> flag).</summary>
    Skip,
}

/// <param name="HardWrap">Every soft line break inside a paragraph becomes <c>&lt;br /&gt;</c>.</param>
/// <param name="Html">What happens to typed HTML.</param>
/// <param name="TruncateUrlAtParen">Emulate mistune, whose link destination ends at the first unescaped <c>)</c>.</param>
internal sealed record HtmlWriterOptions(bool HardWrap, TypedHtml Html, bool TruncateUrlAtParen);
