-- Participatory budgeting: budgets with the rule and ballot they declare, their projects, one-time
-- voting codes, ballots (one current ballot per voter or code, overwritten when changed), and the
-- published results. Amounts are minor units of the budget's currency.

CREATE TABLE budget (
  cluster_id uuid NOT NULL REFERENCES cluster (id),
  id uuid NOT NULL,
  -- The participatory process the budget belongs to, when there is one; no foreign key yet because
  -- processes live in another area's tables.
  process_id uuid,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 10000),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0 AND amount_minor <= 1000000000000000),
  rule text NOT NULL CHECK (rule IN ('greedy', 'greedy-no-skip', 'greedy-threshold', 'mes', 'mes-add1',
    'mes-add1-utilitarian', 'mes-add1-comparison')),
  -- Votes (approval) or points (cumulative) a project needs under greedy-threshold.
  score_threshold numeric CHECK (score_threshold >= 0),
  ballot_type text NOT NULL CHECK (ballot_type IN ('approval', 'cumulative')),
  min_projects integer NOT NULL DEFAULT 0 CHECK (min_projects >= 0 AND min_projects <= 1000),
  max_projects integer CHECK (max_projects >= 1 AND max_projects <= 1000),
  max_total_cost_minor bigint CHECK (max_total_cost_minor > 0),
  points_per_voter integer CHECK (points_per_voter BETWEEN 1 AND 1000000),
  max_points_per_project integer CHECK (max_points_per_project BETWEEN 1 AND 1000000),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  -- Who may vote: signed-in verified people of the cluster, and/or holders of one-time codes.
  is_member_voting boolean NOT NULL DEFAULT true,
  is_code_voting boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'published')),
  -- What a Pabulib import brought that Kopa has no column for (META in order, column orders), so
  -- the export gives the file back as it came.
  pabulib jsonb,
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES person (id),
  updated_at timestamptz NOT NULL,
  opened_at timestamptz,
  closed_at timestamptz,
  published_at timestamptz,
  PRIMARY KEY (cluster_id, id),
  CHECK (closes_at > opens_at),
  CHECK (max_projects IS NULL OR max_projects >= min_projects),
  CHECK (rule <> 'greedy-threshold' OR score_threshold IS NOT NULL),
  CHECK ((ballot_type = 'cumulative') = (points_per_voter IS NOT NULL AND max_points_per_project IS NOT NULL)),
  CHECK (is_member_voting OR is_code_voting)
);
CREATE INDEX budget_cluster_list_idx ON budget (cluster_id, created_at DESC, id DESC);

CREATE TABLE budget_project (
  cluster_id uuid NOT NULL,
  budget_id uuid NOT NULL,
  id uuid NOT NULL,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 10000),
  cost_minor bigint NOT NULL CHECK (cost_minor >= 0 AND cost_minor <= 1000000000000000),
  category text NOT NULL DEFAULT '' CHECK (char_length(category) <= 100),
  -- The accepted proposal the project came from, when it did (proposals live in another area).
  source_proposal_id uuid,
  -- The id and the extra columns a Pabulib file gave the project.
  pabulib_id text CHECK (char_length(pabulib_id) BETWEEN 1 AND 200),
  pabulib_fields jsonb,
  position integer NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, budget_id) REFERENCES budget (cluster_id, id),
  UNIQUE (cluster_id, budget_id, pabulib_id)
);
CREATE INDEX budget_project_order_idx ON budget_project (cluster_id, budget_id, position, id);

-- Only the SHA-256 of a code is kept: the codes themselves are shown once, to be printed.
CREATE TABLE budget_voting_code (
  cluster_id uuid NOT NULL,
  budget_id uuid NOT NULL,
  id uuid NOT NULL,
  code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES person (id),
  used_at timestamptz,
  used_by uuid REFERENCES person (id),
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, budget_id) REFERENCES budget (cluster_id, id),
  UNIQUE (cluster_id, budget_id, code_hash),
  CHECK ((used_at IS NULL) = (used_by IS NULL))
);

-- A ballot belongs to exactly one of: a signed-in voter, a voting code, a voter of an imported file.
-- Project ids are in the order given (a Pabulib file's order is kept for a lossless export).
CREATE TABLE budget_ballot (
  cluster_id uuid NOT NULL,
  budget_id uuid NOT NULL,
  id uuid NOT NULL,
  voter_id uuid REFERENCES person (id),
  voting_code_id uuid,
  pabulib_voter_id text CHECK (char_length(pabulib_voter_id) BETWEEN 1 AND 200),
  pabulib_fields jsonb,
  position integer,
  project_ids uuid[] NOT NULL CHECK (cardinality(project_ids) <= 1000),
  points integer[] CHECK (points IS NULL OR cardinality(points) = cardinality(project_ids)),
  cast_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (cluster_id, id),
  FOREIGN KEY (cluster_id, budget_id) REFERENCES budget (cluster_id, id),
  FOREIGN KEY (cluster_id, voting_code_id) REFERENCES budget_voting_code (cluster_id, id),
  UNIQUE (cluster_id, budget_id, voter_id),
  UNIQUE (cluster_id, budget_id, voting_code_id),
  UNIQUE (cluster_id, budget_id, pabulib_voter_id),
  CHECK (num_nonnulls(voter_id, voting_code_id, pabulib_voter_id) = 1)
);
CREATE INDEX budget_ballot_budget_idx ON budget_ballot (cluster_id, budget_id, position, id);

-- The published outcome, computed once by the budget's rule after the vote closed.
CREATE TABLE budget_result (
  cluster_id uuid NOT NULL,
  budget_id uuid NOT NULL,
  rule text NOT NULL,
  selected_project_ids uuid[] NOT NULL,
  spent_minor bigint NOT NULL CHECK (spent_minor >= 0),
  voter_count integer NOT NULL CHECK (voter_count >= 0),
  voters_with_funded_project integer NOT NULL CHECK (voters_with_funded_project >= 0),
  -- The per-project explanations and the summary (including greedy's outcome, for comparison).
  explanation jsonb NOT NULL,
  computed_at timestamptz NOT NULL,
  computed_by uuid REFERENCES person (id),
  PRIMARY KEY (cluster_id, budget_id),
  FOREIGN KEY (cluster_id, budget_id) REFERENCES budget (cluster_id, id)
);
