package io.relais.e2e.security;

import io.restassured.specification.RequestSpecification;

import java.util.Arrays;

import static io.restassured.RestAssured.given;

/**
 * Who calls, as the columns of {@code authorization-matrix.csv} name them. People sign in with the password
 * grant (accounts made by {@link Stack#ensureEmployeeAccount}; profiles from the demo HR seed); connector
 * clients with client credentials. Every community the suite sets up ({@link World}) has karima as owner,
 * dave as moderator, emma as member and farid as a former member (joined, then left).
 */
enum Principal {
    ANONYMOUS("anonymous", null, null),
    /** An employee who never had anything to do with the suite's communities. */
    EMPLOYEE("employee", "hugo", null),
    /** An employee who was a member of each community, then left it: the hardest non-member to keep out. */
    NON_MEMBER("non-member", "farid", null),
    MEMBER("member", "emma", null),
    MODERATOR("moderator", "dave", null),
    OWNER("owner", "karima", null),
    /** bob: employee and community-manager, a member of none of the suite's communities. */
    COMMUNITY_MANAGER("community-manager", "bob", null),
    /** carol: employee and admin, a member of none of the suite's communities. */
    ADMIN("admin", "carol", null),
    HR("hr", null, "hr-connector"),
    CRM("crm", null, "crm-connector"),
    ECM("ecm", null, "ecm-connector");

    final String column;
    final String login;
    final String clientId;

    Principal(String column, String login, String clientId) {
        this.column = column;
        this.login = login;
        this.clientId = clientId;
    }

    /** A fresh request carrying this principal's token (none for anonymous). */
    RequestSpecification request() {
        if (login != null) return given().auth().oauth2(Stack.personToken(login));
        if (clientId != null) return given().auth().oauth2(Stack.clientToken(clientId));
        return given();
    }

    static Principal ofColumn(String column) {
        return Arrays.stream(values()).filter(p -> p.column.equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown principal column '" + column + "'"));
    }

    @Override
    public String toString() {
        return column + (login != null ? " (" + login + ")" : clientId != null ? " (" + clientId + ")" : "");
    }
}
