using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>
/// Decides, once the models are complete, which operations return an envelope: those with a declaration in force whose
/// success response is a generated object with the declared code property (a whole number). The others keep their
/// response type as it is (the token operation's bare object, a list, text).
/// </summary>
internal static class EnvelopePlanner
{
    public static IReadOnlyList<OperationModel> Plan(IReadOnlyList<OperationModel> operations, IReadOnlyDictionary<string, EnvelopeDeclaration> declarations, IReadOnlyList<TypeModel> types)
    {
        if (declarations.Count == 0)
        {
            return operations;
        }

        var byName = types.Where(t => t.Kind == TypeKind.Object).ToDictionary(t => t.Name, System.StringComparer.Ordinal);
        return operations.Select(operation => Plan(operation, declarations, byName)).ToList();
    }

    private static OperationModel Plan(OperationModel operation, IReadOnlyDictionary<string, EnvelopeDeclaration> declarations, Dictionary<string, TypeModel> types)
    {
        if (!declarations.TryGetValue(operation.MethodName, out var declaration)
            || operation.ResponseKind != ResponseKind.Json
            || operation.ResponseType is not { Kind: TypeRefKind.Model } response
            || !types.TryGetValue(response.Name, out var envelope))
        {
            return operation;
        }

        var code = Property(envelope, declaration.Code);
        if (code is null || code.Type.Primitive is not (PrimitiveKind.Int32 or PrimitiveKind.Int64))
        {
            return operation;
        }

        var message = declaration.Message is null ? null : Property(envelope, declaration.Message);
        var data = declaration.Data is null ? null : Property(envelope, declaration.Data);
        return operation with
        {
            Envelope = new EnvelopeModel(
                code.Name,
                code.Type.IsNullable,
                message is { Type.Primitive: PrimitiveKind.String } ? message.Name : null,
                data?.Name,
                data?.Type.WithNullable(false),
                data?.IsRequired ?? false,
                declaration.SuccessCodes,
                declaration.NotFoundCodes),
        };
    }

    private static PropertyModel? Property(TypeModel type, string wireName)
        => type.Properties.FirstOrDefault(p => p.WireName == wireName);
}
