using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Portal.Core.Forms;

/// <summary>
/// Binds bool and bool? the way a checkbox posts them (<c>true</c>, <c>false</c>, the pair
/// <c>true,false</c> of a checked box and its hidden field) and turns any other value into a
/// model-state error on that field, with a null raw value: the framework's binder keeps the raw
/// value, and the checkbox tag helper, converting it back to bool while the form is shown
/// again, threw <see cref="FormatException"/> (issue #10, defect 1).
/// </summary>
public sealed class StrictBooleanModelBinder : IModelBinder
{
    public const string InvalidMessage = "Giá trị không hợp lệ: chỉ chọn hoặc bỏ chọn ô này.";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var first = result.FirstValue;
        if (string.IsNullOrWhiteSpace(first) && bindingContext.ModelMetadata.IsReferenceOrNullableType)
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: null, result.FirstValue);
            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        // Every posted value must be a boolean: "true,false" is a checked box, "yes,false" is not.
        var values = result.Values.ToArray();
        if (values.Length is > 0 and <= 2 && values.All(v => bool.TryParse(v, out _)))
        {
            var value = bool.Parse(first!);
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value, first);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: null, attemptedValue: Truncate(result.ToString()));
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, InvalidMessage);
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }

    private static string Truncate(string value) => value.Length <= 100 ? value : value[..100];
}

/// <summary>Puts <see cref="StrictBooleanModelBinder"/> in front of the framework's binders for bool and bool?.</summary>
public sealed class StrictBooleanModelBinderProvider : IModelBinderProvider
{
    private static readonly StrictBooleanModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) && !context.Metadata.IsComplexType ? Binder : null;
}
