namespace CelerData.Cloud;

/// <summary>Takes the result out of a response envelope, or throws <see cref="CelerDataCloudResponseException"/>.</summary>
internal static class Envelope
{
    public const int Success = 20000;

    public static T Data<T>(string operation, int code, string? message, T? data)
        where T : class =>
        code == Success && data is not null ? data : throw new CelerDataCloudResponseException(operation, code, message ?? (code == Success ? "the envelope has no data" : null));
}
