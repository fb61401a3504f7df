using System.Text;

namespace CelerData.Generated.Runtime;

/// <summary>
/// The <c>application/x-www-form-urlencoded</c> byte serializer of the WHATWG URL standard, which
/// RFC 6749 appendix B names: letters, digits and <c>*-._</c> stay, a space becomes <c>+</c>, every
/// other UTF-8 byte becomes <c>%XX</c>.
/// </summary>
internal static class FormUrlEncoding
{
    private const string Hex = "0123456789ABCDEF";

    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_')
            {
                builder.Append((char)b);
            }
            else if (b == (byte)' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return builder.ToString();
    }
}
