-- The trail from an idea to what was built: a budget belongs to a process of its own cluster, a
-- budget project names the accepted proposal it came from (at most once per budget), and a result
-- names the funded project that carries it out.

ALTER TABLE budget
  ADD CONSTRAINT budget_process_fkey FOREIGN KEY (cluster_id, process_id)
  REFERENCES participatory_process (cluster_id, id);
CREATE INDEX budget_process_idx ON budget (cluster_id, process_id) WHERE process_id IS NOT NULL;

ALTER TABLE budget_project
  ADD CONSTRAINT budget_project_source_proposal_fkey FOREIGN KEY (cluster_id, source_proposal_id)
  REFERENCES proposal (cluster_id, id),
  ADD CONSTRAINT budget_project_source_proposal_once UNIQUE (cluster_id, budget_id, source_proposal_id);
CREATE INDEX budget_project_source_proposal_idx ON budget_project (cluster_id, source_proposal_id)
  WHERE source_proposal_id IS NOT NULL;

ALTER TABLE accountability_result
  ADD COLUMN budget_project_id uuid,
  ADD CONSTRAINT accountability_result_budget_project_fkey FOREIGN KEY (cluster_id, budget_project_id)
  REFERENCES budget_project (cluster_id, id),
  ADD CONSTRAINT accountability_result_budget_project_once UNIQUE (cluster_id, budget_project_id);

-- The process page lists the answered proposals, newest answer first, with what came of each.
CREATE INDEX proposal_answered_idx ON proposal (cluster_id, process_id, answered_at DESC, id DESC)
  WHERE answered_at IS NOT NULL;
