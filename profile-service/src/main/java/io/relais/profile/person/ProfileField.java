package io.relais.profile.person;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields of a profile and who owns them. HR (events, SCIM, an administrator) is the source of
 * truth for the job; the employee owns what describes them. Location is shared: HR sets the office,
 * the person may correct it.
 */
public enum ProfileField {
    DISPLAY_NAME("displayName", Owner.HR),
    EMAIL("email", Owner.HR),
    TITLE("title", Owner.HR),
    DEPARTMENT("department", Owner.HR),
    MANAGER("manager", Owner.HR),
    START_DATE("startDate", Owner.HR),
    STATUS("status", Owner.HR),
    LOCATION("location", Owner.SHARED),
    PHONE("phone", Owner.EMPLOYEE),
    BIO("bio", Owner.EMPLOYEE),
    SKILLS("skills", Owner.EMPLOYEE),
    LANGUAGES("languages", Owner.EMPLOYEE),
    PHOTO("photo", Owner.EMPLOYEE);

    public enum Owner { HR, EMPLOYEE, SHARED }

    private final String json;
    private final Owner owner;

    ProfileField(String json, Owner owner) {
        this.json = json;
        this.owner = owner;
    }

    public String json() {
        return json;
    }

    public boolean employeeMayEdit() {
        return owner != Owner.HR;
    }

    public boolean hrMayEdit() {
        return owner != Owner.EMPLOYEE;
    }

    public static Optional<ProfileField> byJson(String name) {
        return Arrays.stream(values()).filter(f -> f.json.equals(name)).findFirst();
    }
}
