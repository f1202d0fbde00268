package io.relais.profile.orgchart;

import io.relais.kit.identity.Roles;
import io.relais.profile.person.Person;
import io.relais.profile.person.PersonRepository;
import io.relais.profile.person.PersonService;
import io.relais.profile.person.PersonView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Path("/api/people/{login}")
@Tag(name = "org chart", description = "Managers, reports, departments")
@Produces(MediaType.APPLICATION_JSON)
public class OrgChartResource {

    @Inject
    PersonService people;

    @Inject
    PersonRepository repository;

    @Inject
    ReportLines reportLines;

    @GET
    @Path("/manager-chain")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "The person's manager, their manager, and so on up to the top (nearest first)")
    public List<PersonView.Card> managerChain(@PathParam("login") String login) {
        Person p = people.require(login);
        List<PersonView.Card> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>(List.of(p.login));
        String next = p.managerLogin;
        // one keyed read per level; stops at a manager who is nobody yet (no profile, or a pending one)
        while (next != null && seen.add(next) && chain.size() < PersonService.MAX_CHAIN) {
            Optional<Person> manager = repository.find(next).filter(Person::isPerson);
            if (manager.isEmpty()) break;
            chain.add(PersonView.Card.of(manager.get()));
            next = manager.get().managerLogin;
        }
        return chain;
    }

    @GET
    @Path("/reports")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "The person's active direct reports")
    public List<PersonView.Card> reports(@PathParam("login") String login) {
        Person p = people.require(login);
        return repository.findAll(reportLines.reportsOf(p.login)).stream()
                .sorted(Comparator.comparing((Person r) -> r.login))
                .map(PersonView.Card::of).toList();
    }
}
