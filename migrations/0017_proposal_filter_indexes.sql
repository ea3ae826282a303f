-- A process's proposals filtered by state or by category, newest first or by support: a page is a
-- range of one of these indexes whatever the value asked for. Without them a page read the whole
-- ordered list and threw away every proposal of another state or category, so a rare value (the
-- few accepted proposals of a large process, a category with three ideas) read the whole process.
CREATE INDEX proposal_state_newest_idx ON proposal (cluster_id, process_id, state, id DESC);
CREATE INDEX proposal_state_support_idx ON proposal (cluster_id, process_id, state, support_count DESC, id DESC);
CREATE INDEX proposal_category_newest_idx ON proposal (cluster_id, process_id, category, id DESC);
CREATE INDEX proposal_category_support_idx
  ON proposal (cluster_id, process_id, category, support_count DESC, id DESC);
