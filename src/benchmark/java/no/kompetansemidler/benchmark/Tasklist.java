package no.kompetansemidler.benchmark;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import java.util.List;

/**
 * How a person finds a task in Tasklist, the same for the application and the floor: the groups' tasks (claimed ones
 * included), narrowed to one case (its business key) and one kind of task, by due date, the first page.
 */
final class Tasklist {

    static final int PAGE = 15;

    private Tasklist() {
    }

    static List<Task> page(TaskService tasks, List<String> groups, String businessKey, String definitionKey) {
        return tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks()
                .processInstanceBusinessKey(businessKey).taskDefinitionKey(definitionKey).orderByDueDate().asc()
                .listPage(0, PAGE);
    }
}
