package app.flowmarket.account.web;

import app.flowmarket.account.AccountManagement;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SignUpFormData(
        @NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.too-long}") String displayName,
        @NotBlank(message = "{validation.required}") @Email(message = "{account.email.invalid}") @Size(max = 254, message = "{validation.too-long}") String email,
        @NotBlank(message = "{validation.required}") String password) {

    public static SignUpFormData empty() {
        return new SignUpFormData("", "", "");
    }

    AccountManagement.SignUp toParameters() {
        return new AccountManagement.SignUp(email, password, displayName);
    }
}
