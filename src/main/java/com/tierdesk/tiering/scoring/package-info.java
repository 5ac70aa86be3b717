/** Pure scoring arithmetic: normalisations, weighted scoring models and explained scorecards. No Spring, no database. */
package com.tierdesk.tiering.scoring;
