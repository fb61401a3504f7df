namespace CelerData.Emulator.Internal;

/// <summary>
/// The <c>code</c> values of the response envelope. 20000 and 40004 are documented; the others are the
/// emulator's own (HTTP status times 100), as the service's are not documented.
/// </summary>
internal static class EnvelopeCodes
{
    public const int Success = 20000;
    public const string SuccessMessage = "success";
    public const int BadRequest = 40000;
    public const int NotFound = 40004;
    public const int Unauthorized = 40100;
    public const int Conflict = 40900;
    public const int TooManyRequests = 42900;
    public const int ServerError = 50000;
}
