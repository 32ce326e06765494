package no.kompetansemidler.overview;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

/**
 * What the engine's history says about one cycle's case and every case it called (the need reports, payments and
 * self-evaluations share the cycle's instance as their root): how many are in each element of each model, the open
 * tasks and the open incidents. Read with one query each from the history tables (history level full), so the
 * overview costs the same for 5 owners as for 500.
 */
@Repository
class CaseTree {

    /** How many of the tree's cases are in an element of a model now, and how many have passed it. */
    record ElementCount(String definitionId, String elementId, long active, long done) {
    }

    /** An open user task of the tree. */
    record OpenTask(String id, String definitionKey, String name, Instant created) {
    }

    /** An open incident of the tree: a step that failed after its retries. */
    record OpenIncident(String elementId, String message, Instant created) {
    }

    private final JdbcClient jdbc;

    CaseTree(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ElementCount> counts(String rootProcessInstanceId) {
        return jdbc.sql("""
                        select proc_def_id_, act_id_, sum(case when end_time_ is null then 1 else 0 end) as active,
                               sum(case when end_time_ is null then 0 else 1 end) as done
                        from act_hi_actinst where root_proc_inst_id_ = ? and act_type_ <> 'multiInstanceBody'
                        group by proc_def_id_, act_id_""")
                .param(rootProcessInstanceId)
                .query((rs, i) -> new ElementCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    List<OpenTask> openTasks(String rootProcessInstanceId, List<String> definitionKeys) {
        return jdbc.sql("""
                        select id_, task_def_key_, name_, start_time_ from act_hi_taskinst
                        where root_proc_inst_id_ = :root and end_time_ is null and task_def_key_ in (:keys)
                        order by start_time_""")
                .param("root", rootProcessInstanceId).param("keys", definitionKeys)
                .query((rs, i) -> new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    List<OpenIncident> openIncidents(String rootProcessInstanceId) {
        return jdbc.sql("""
                        select activity_id_, incident_msg_, create_time_ from act_hi_incident
                        where root_proc_inst_id_ = ? and incident_state_ = 0 order by create_time_""")
                .param(rootProcessInstanceId)
                .query((rs, i) -> new OpenIncident(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }
}
